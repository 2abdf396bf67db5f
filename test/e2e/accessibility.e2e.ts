import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, test } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Pipeline {
  id: string;
  stages: { id: string }[];
}
interface Found {
  contacts: { id: string }[];
  companies: { id: string }[];
}

/**
 * The serious and critical violations axe-core finds in a page or frame, one line each. It is evaluated through the
 * DevTools protocol, which the pages' `script-src 'self'` does not stop (a script tag would be).
 */
async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(context: Document): Promise<AxeResults> } };
    return (await axe.run(document)).violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`);
}

/** The page has drawn its data: a heading is shown and nothing says it is still loading. */
async function settled(target: Page | Frame) {
  await expect(target.locator('h1, h2').first()).toBeVisible();
  await expect(target.getByText(/^(Loading…|កំពុងផ្ទុក…)$/)).toHaveCount(0);
}

/** A contact from a Gmail thread (with its company and logged emails), a deal, a task and a generated report. */
async function seed(page: Page, sidebar: Frame) {
  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  await expect(sidebar.getByRole('region', { name: 'Contact Dara Kim' })).toBeVisible();
  const found = await rpc<Found>(page, 'search.all', { query: 'Dara Kim' });
  const contactId = found.contacts[0]!.id;
  const companyId = (await rpc<Found>(page, 'search.all', { query: 'Angkor Trade' })).companies[0]!.id;
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const deal = await rpc<{ id: string }>(page, 'deal.create', {
    title: 'Rice mill solar panels',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
    value: { amount: 4_100_000, currency: 'KHR' },
    contactIds: [contactId],
    companyId,
  });
  const task = await rpc<{ id: string }>(page, 'task.followUp', {
    title: 'Send the riel quote',
    due: { at: Date.now() - 60_000 },
    contactId,
    dealId: deal.id,
  });
  const report = await rpc<{ id: string }>(page, 'reports.generateNow', { kind: 'month' });
  return { contactId, companyId, dealId: deal.id, taskId: task.id, reportId: report.id };
}

test('axe-core finds no serious or critical violation on any page, in English and in Khmer', async ({ ext }) => {
  test.setTimeout(240_000);
  const gmail = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const page = await ext.openPage('dashboard.html#/');
  const ids = await seed(page, await sidebarOf(gmail));
  const views = [
    '#/',
    '#/board',
    '#/team',
    '#/contacts',
    '#/companies',
    '#/deals',
    `#/contact/${ids.contactId}`,
    `#/company/${ids.companyId}`,
    `#/deal/${ids.dealId}`,
    '#/tasks',
    '#/import',
    '#/export',
    '#/reports',
    `#/report/${ids.reportId}`,
    '#/winloss',
    '#/competitors',
    '#/plan',
    '#/service',
    '#/service-kinds',
    '#/settings',
  ];

  const found: string[] = [];
  for (const language of ['en', 'km']) {
    await rpc(page, 'settings.update', { language });
    await gmail.reload();
    const sidebar = await sidebarOf(gmail);
    await expect(sidebar.getByRole('region', { name: /Dara Kim/ })).toBeVisible();
    await settled(sidebar);
    found.push(...(await seriousViolations(sidebar)).map((v) => `${language} sidebar: ${v}`));

    for (const path of ['popup.html', `reminder.html#${ids.taskId}`]) {
      const extra = await ext.openPage(path);
      await settled(extra);
      found.push(...(await seriousViolations(extra)).map((v) => `${language} ${path}: ${v}`));
      await extra.close();
    }

    for (const hash of views) {
      await page.goto(page.url().replace(/#.*$/, hash));
      await page.reload();
      await settled(page);
      found.push(...(await seriousViolations(page)).map((v) => `${language} dashboard ${hash}: ${v}`));
    }
  }
  await rpc(page, 'settings.update', { language: 'en' });
  expect(found).toEqual([]);
});
