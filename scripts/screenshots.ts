/**
 * The README's screenshots: Gmail (the demo mailbox) with the sidebar, the toolbar popup, the dashboard's home, a
 * contact page and the board, in English and Khmer, 1280 and 1920 px wide, saved to docs/screenshots/.
 *
 *   npm run build:chrome && npx tsx scripts/screenshots.ts
 *
 * It runs headless on a fresh profile with a few records made through the worker's RPC, the way the sidebar makes
 * them, so every run draws the same people. Khmer needs a Khmer font on the machine (Debian: fonts-khmeros; the
 * extension never downloads one).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { attach, type Extension, launchChromium, rpc, sidebarOf } from '../test/e2e/harness';
import { demoMailboxHtml } from '../test/fixtures/gmail';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const WIDTHS = [1280, 1920] as const;
const HEIGHT = 900;
const GMAIL_HEIGHT = 740;
const LANGUAGES = ['en', 'km'] as const;
type Language = (typeof LANGUAGES)[number];

const DAY = 86_400_000;
/** The thread each language's sidebar shot opens: one with a known contact beside one not yet captured. */
const THREADS: Record<Language, string> = { en: '18e1a2b3c4d5e6f7', km: '18e0f0e0d0c0b0a1' };

interface Pipeline {
  id: string;
  stages: { id: string }[];
}

/** Records that fill every view: contacts in both scripts, deals in every stage, tasks due before and after today. */
async function seed(page: Page): Promise<{ daraId: string }> {
  const call = <T>(method: string, input: unknown) => rpc<T>(page, method, input);
  const [pipeline] = await call<Pipeline[]>('pipelines.list', {});
  const stage = (i: number) => pipeline!.stages[i]!.id;
  const now = Date.now();
  // The demo mailbox's account is a rep's, so the sidebar does not ask whose it is.
  await call('rep.save', {
    ...{ id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null },
    ...{ name: 'Sophea Lim', email: 'sophea@mekonghome.com.kh', accountEmails: ['sophea@mekonghome.com.kh'] },
  });

  const angkor = await call<{ id: string }>('company.create', { name: 'Angkor Trade Co., Ltd.', domains: [] });
  const sokha = await call<{ id: string }>('company.create', { name: 'សុខា ដឹកជញ្ជូន', domains: [] });
  const lucky = await call<{ id: string }>('company.create', { name: 'Lucky Retail', domains: [] });
  const mekong = await call<{ id: string }>('company.create', { name: 'Mekong Freight Pte.', domains: [] });

  const contact = (name: string, email: string, extra: Record<string, unknown>) =>
    call<{ id: string }>('contact.create', { name, emails: [{ address: email }], ...extra });
  const dara = await contact('Dara Kim', 'Dara.Kim+Quotes@AngkorTrade.com.kh', {
    phones: [{ number: '+855 12 345 678' }],
    jobTitle: 'Sales Manager',
    lifecycle: 'opportunity',
    companyId: angkor.id,
  });
  const chanthy = await contact('សុខ ចាន់ធី', 'chanthy.sok@sokha-transport.com.kh', {
    phones: [{ number: '+855 17 888 210' }],
    jobTitle: 'ប្រធានផ្នែកលក់',
    lifecycle: 'customer',
    companyId: sokha.id,
  });
  const michael = await contact('Michael Tan', 'michael.tan@mekongfreight.sg', {
    jobTitle: 'Logistics Director',
    lifecycle: 'lead',
    companyId: mekong.id,
  });
  await contact('ហេង ស្រីមុំ', 'sreymom.heng@phsarthmei-electronics.com.kh', { lifecycle: 'lead' });
  await contact('Bopha Chea', 'bopha.chea@luckyretail.com.kh', { lifecycle: 'subscriber', companyId: lucky.id });

  const deal = (title: string, stageIndex: number, amount: number, currency: string, links: Record<string, unknown>) =>
    call<{ id: string }>('deal.create', {
      title,
      pipelineId: pipeline!.id,
      stageId: stage(stageIndex),
      value: { amount, currency },
      expectedCloseAt: now + (stageIndex + 1) * 9 * DAY,
      ...links,
    });
  await deal('Two 40ft containers to Sihanoukville', 2, 3_280_000, 'KHR', {
    contactIds: [dara.id],
    companyId: angkor.id,
  });
  await deal('Cold-chain storage, 12 months', 1, 1_440_000, 'USD', { contactIds: [dara.id], companyId: angkor.id });
  await deal('ដឹកជញ្ជូនប្រចាំខែ មីនា', 0, 12_600_000, 'KHR', { contactIds: [chanthy.id], companyId: sokha.id });
  await deal('Singapore consolidation, Q2', 3, 860_000, 'USD', { contactIds: [michael.id], companyId: mekong.id });
  await deal('Siem Reap store fit-out delivery', 0, 230_000, 'USD', { companyId: lucky.id });
  await deal('Warehouse racking, Toul Kork', 1, 41_000_000, 'KHR', { companyId: lucky.id });
  for (const [title, amount, currency, status] of [
    ['Cold room rental, Kampot', 520_000, 'USD', 'won'],
    ['ដឹកទំនិញទៅសៀមរាប', 8_400_000, 'KHR', 'won'],
    ['Forklift lease, Poipet', 310_000, 'USD', 'lost'],
  ] as const) {
    const closed = await deal(title, 3, amount, currency, { companyId: sokha.id });
    await call('deal.update', { id: closed.id, patch: { status } });
  }

  const task = (title: string, dueAt: number, contactId: string | null) =>
    call('task.create', { title, dueAt, contactId });
  await task('Confirm the March containers with Dara', now + DAY, dara.id);
  await task('Send the riel invoice to Sokha Transport', now - 2 * DAY, chanthy.id);
  await task('ផ្ញើតារាងតម្លៃថ្មី', now + 2 * 3_600_000, chanthy.id);
  await task('Call Michael about Q2 volumes', now + 4 * DAY, michael.id);

  const activity = (contactId: string, type: string, subject: string, daysAgo: number, extra = {}) =>
    call('activity.add', { contactId, type, subject, occurredAt: now - daysAgo * DAY, ...extra });
  await activity(dara.id, 'call', 'Price for two containers in March', 1, {
    outcome: 'Interested',
    direction: 'outbound',
  });
  await activity(dara.id, 'meeting', 'Site visit at the dry port', 6);
  await activity(dara.id, 'note', 'Prefers WhatsApp for quick questions', 9);
  await activity(chanthy.id, 'call', 'ពិភាក្សាអំពីវិក្កយបត្រ', 2, { direction: 'inbound' });
  return { daraId: dara.id };
}

async function shoot(page: Page, name: string, height?: number): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const clip = height === undefined ? undefined : { x: 0, y: 0, width: page.viewportSize()!.width, height };
  await page.screenshot({ path: join(OUT, `${name}.png`), clip });
  console.log(`docs/screenshots/${name}.png`);
}

async function gmailShots(ext: Extension, language: Language, width: number): Promise<void> {
  const gmail = await ext.openGmail(demoMailboxHtml(), `/mail/u/0/#inbox/${THREADS[language]}`);
  await gmail.setViewportSize({ width, height: GMAIL_HEIGHT });
  const sidebar = await sidebarOf(gmail);
  await sidebar.locator('section.card').first().waitFor();
  await gmail.waitForTimeout(300);
  // Down to the sidebar's foot, not past it when a short thread ends the page early.
  const panel = (await gmail.locator('sidecar-crm-root iframe').boundingBox())!;
  await shoot(gmail, `gmail-sidebar-${language}-${width}`, Math.min(GMAIL_HEIGHT, panel.y + panel.height + 16));
  await gmail.close();
}

async function dashboardShot(ext: Extension, hash: string, name: string, width: number, ready: string) {
  const page = await ext.openPage(`dashboard.html${hash}`);
  await page.setViewportSize({ width, height: HEIGHT });
  await page.locator(ready).first().waitFor();
  await page.waitForTimeout(400);
  await shoot(page, name);
  await page.close();
}

async function main(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'sidecar-shots-'));
  const context = await launchChromium(profile);
  try {
    const ext = await attach(context, profile);
    const setup = await ext.openPage('popup.html');
    const { daraId } = await seed(setup);
    mkdirSync(OUT, { recursive: true });

    for (const language of LANGUAGES) {
      await rpc(setup, 'settings.update', { language });
      for (const width of WIDTHS) {
        await gmailShots(ext, language, width);
        await dashboardShot(ext, '#/', `dashboard-home-${language}-${width}`, width, '.figure');
        await dashboardShot(ext, `#/contact/${daraId}`, `contact-${language}-${width}`, width, '#record-title');
        await dashboardShot(ext, '#/board', `board-${language}-${width}`, width, '.board-card');
      }
      const popup = await ext.openPage('popup.html');
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.locator('.task').first().waitFor();
      await popup.evaluate(() => document.fonts.ready);
      await popup.locator('main').screenshot({ path: join(OUT, `popup-${language}.png`) });
      console.log(`docs/screenshots/popup-${language}.png`);
      await popup.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
