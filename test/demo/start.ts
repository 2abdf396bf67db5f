/**
 * `npm start`: the built extension in Debian's Chromium on two local demo mailboxes, a Gmail-like one served for
 * https://mail.google.com/ and an Outlook-like one for https://outlook.office.com/, by request routing (no account, no
 * network). Headed where there is a display; without one it runs headless, saves screenshots of the sidebar (in
 * both), popup and dashboard to docs/, and exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { attach, launchChromium, openOutlook, rpc, sidebarOf } from '../e2e/harness';
import { demoMailboxHtml } from '../fixtures/gmail';
import { demoOutlook } from '../fixtures/outlook';

const PROFILE = resolve(import.meta.dirname, '../../.demo-profile');
const SHOTS = resolve(import.meta.dirname, '../../docs');
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

/** A few records so the first thread already shows a known contact with a deal and a follow-up. */
async function seed(page: Page): Promise<void> {
  const existing = await rpc<{ contacts: unknown[] }>(page, 'search.all', { query: 'dara' });
  if (existing.contacts.length > 0) return;
  const [pipeline] = await rpc<{ id: string; stages: { id: string }[] }[]>(page, 'pipelines.list', {});
  const contact = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'Dara Kim',
    emails: [{ address: 'Dara.Kim+Quotes@AngkorTrade.com.kh' }],
    phones: [{ number: '+855 12 345 678' }],
    jobTitle: 'Sales Manager',
    lifecycle: 'opportunity',
  });
  const deals = [
    { title: 'Two 40ft containers to Sihanoukville', stage: 2, value: { amount: 3_280_000, currency: 'KHR' } },
    { title: 'Cold-chain storage, 12 months', stage: 1, value: { amount: 1_440_000, currency: 'USD' } },
  ];
  for (const { title, stage, value } of deals) {
    await rpc(page, 'deal.create', {
      title,
      pipelineId: pipeline!.id,
      stageId: pipeline!.stages[stage]!.id,
      value,
      contactIds: [contact.id],
    });
  }
  await rpc(page, 'task.followUp', {
    title: 'Confirm the March containers with Dara',
    due: { preset: 'tomorrow-morning' },
    contactId: contact.id,
  });
}

async function main(): Promise<void> {
  const context: BrowserContext = await launchChromium(PROFILE, { headless: !headed });
  const ext = await attach(context, PROFILE);
  const setup = await ext.openPage('popup.html');
  await seed(setup);
  await setup.close();

  const gmail = await ext.openGmail(demoMailboxHtml(), '/mail/u/0/#inbox/18e1a2b3c4d5e6f7');
  await gmail.setViewportSize({ width: 1400, height: 900 });
  const sidebar = await sidebarOf(gmail);
  await sidebar
    .getByRole('region', { name: /^Contact / })
    .first()
    .waitFor();

  const { host, path, html } = demoOutlook();
  const outlook = await openOutlook(ext, html, `https://${host}${path}`);
  await outlook.setViewportSize({ width: 1400, height: 900 });
  await (await sidebarOf(outlook))
    .getByRole('region', { name: /^Contact / })
    .first()
    .waitFor();

  if (headed) {
    await gmail.bringToFront();
    console.log(
      'Sidecar CRM demo is running: a Gmail-like and an Outlook-like mailbox, each in a tab, with the extension loaded.',
    );
    console.log('Close the browser to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  await gmail.screenshot({ path: `${SHOTS}/sidebar.png` });
  await outlook.screenshot({ path: `${SHOTS}/sidebar-outlook.png` });
  const popup = await ext.openPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.getByText('Confirm the March containers with Dara').waitFor();
  await popup.screenshot({ path: `${SHOTS}/popup.png` });
  const board = await ext.openPage('dashboard.html#/board');
  await board.setViewportSize({ width: 1400, height: 800 });
  await board.getByText('Two 40ft containers to Sihanoukville').first().waitFor();
  await board.screenshot({ path: `${SHOTS}/board.png` });
  console.log(
    `No display: ran headless and saved screenshots to ${SHOTS}/ (sidebar.png, sidebar-outlook.png, popup.png, board.png).`,
  );
  await context.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
