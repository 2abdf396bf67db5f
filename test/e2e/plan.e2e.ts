import type { Page } from '@playwright/test';
import { expect, rpc, test } from './harness';

interface Pipeline {
  id: string;
  stages: { id: string }[];
}

const HOUR = 3_600_000;
const COMPLAINT = '3a5c1f0e-8b2d-4c6a-9e01-5e7a1c000002';
const INQUIRY = '3a5c1f0e-8b2d-4c6a-9e01-5e7a1c000001';
const DARA = '0195f0a0-0000-7000-8000-0000000000d1';
const SOPHEA = '0195f0a0-0000-7000-8000-0000000000d2';

/**
 * Threads of the service policy as the sidebar records them, written straight into the extension's store (no tab is
 * needed to show figures). Working hours are the whole day, so a wait is its wall-clock length. Times are hours
 * before now: the test assumes now is at least 13 hours into the month.
 */
async function seedThreads(page: Page, now: number) {
  const thread = (n: number, kindId: string, inboundHoursAgo: number, answeredHoursAgo: number) => ({
    id: `0195f0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    threadId: `18f0a1b2c3d4e5${n}`,
    accountIndex: 0,
    subject: `Thread ${n}`,
    kindId,
    kindBy: 'rep',
    ownerRepId: DARA,
    waitingSince: null,
    firstInboundAt: now - inboundHoursAgo * HOUR,
    firstAnsweredAt: now - answeredHoursAgo * HOUR,
    reminderTaskId: null,
  });
  const rows = [
    thread(1, COMPLAINT, 10, 9), // answered in 1 h: within the 4 h target
    thread(2, COMPLAINT, 12, 2), // 10 h: late
    thread(3, INQUIRY, 5, 4),
    thread(4, COMPLAINT, 40 * 24, 40 * 24 - 1), // last month, within
  ];
  await page.evaluate(async (threads) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('sidecar-crm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('serviceThreads', 'readwrite');
    for (const row of threads) tx.objectStore('serviceThreads').put(row);
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  }, rows);
}

test('the plan: live figures in each of the six steps, in English and Khmer; budget and owners kept after a reload', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/plan');
  await rpc(page, 'settings.update', {
    timeZone: 'Asia/Phnom_Penh',
    defaultCurrency: 'USD',
    workingHours: { start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6] },
  });
  const now = Date.now();
  for (const [id, name] of [
    [DARA, 'Dara'],
    [SOPHEA, 'សុភា'],
  ] as const)
    await rpc(page, 'rep.save', {
      id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      name,
      email: `${id.slice(-2)}@lucky.kh`,
      accountEmails: [],
    });
  await seedThreads(page, now);
  for (const score of [5, 4])
    await rpc(page, 'activity.add', {
      type: 'satisfaction',
      occurredAt: now - HOUR,
      score,
      threadKindId: COMPLAINT,
      repId: DARA,
    });
  const competitor = await rpc<{ id: string }>(page, 'competitor.save', {
    id: '0195f0a0-0000-7000-8000-0000000000e1',
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    name: 'Angkor Office Supply',
    website: '',
    notes: 'Answers the phone within minutes, email the next day',
  });
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const deal = await rpc<{ id: string }>(page, 'deal.create', {
    title: 'Printers',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[1]!.id,
    value: { amount: 120_000, currency: 'USD' },
  });
  await rpc(page, 'deal.update', { id: deal.id, patch: { status: 'lost', lostToCompetitorId: competitor.id } });
  await page.reload();

  const step = (name: string) => page.locator(`[data-step="${name}"]`);
  await expect(page.getByRole('heading', { name: 'Customer relationship plan' })).toBeVisible();
  // 1. Review, over the trend's six months: three complaints, two of them within target; scored 4.5 on average.
  await expect(step('review').getByRole('row', { name: /Complaint/ })).toContainText(/^Complaint3.*67%4\.5 \(2\)$/);
  // 2. Competitors: the deal lost to Angkor, none won against it, and how it answers.
  const angkor = step('competitors').getByRole('row', { name: /Angkor Office Supply/ });
  await expect(angkor).toContainText(/1\s*1\s*0%/);
  await expect(angkor).toContainText('Answers the phone within minutes');
  // 3. Policy: the complaint target, the templates for complaints, and where both are set.
  await expect(step('policy').getByRole('row', { name: /Complaint/ })).toContainText('4 h');
  await expect(step('policy').getByRole('link', { name: 'Set answer targets' })).toHaveAttribute(
    'href',
    '#/service-kinds',
  );
  // 6. Measures: complaints within target 50 % against ≥ 90 % (missed, worse than last month's 100 %); 4.5 ≥ 4.2.
  const within = step('measures').getByRole('row', { name: /Answered within target · Complaint/ });
  await expect(within).toContainText('50%');
  await expect(within).toContainText('Missed');
  await expect(within).toContainText('worse than last month');
  await expect(step('measures').getByRole('row', { name: /Satisfaction/ })).toContainText(/4\.5.*Met/);

  // 4. Budget: a line in riel, typed in and kept.
  await step('budget').getByRole('button', { name: 'Add a budget line' }).click();
  const line = step('budget').locator('fieldset.plan-budget-line');
  await expect(line).toHaveCount(1);
  await line.getByLabel('Part').selectOption({ label: 'Channels' });
  await line.getByLabel('What for').fill('Facebook ads');
  await line.getByLabel('What for').press('Tab');
  await line.getByLabel('Currency').selectOption('KHR');
  await line.getByLabel('Planned', { exact: true }).fill('400000');
  await line.getByLabel('Planned', { exact: true }).press('Tab');
  await line.getByLabel('Spent', { exact: true }).fill('150000');
  await line.getByLabel('Spent', { exact: true }).press('Tab');
  await expect(step('budget').getByRole('table')).toContainText('KHR');
  // 5. Responsibility: complaints to សុភា.
  await step('responsibility').getByLabel('Complaint').selectOption({ label: 'សុភា' });
  await expect(step('responsibility').locator('.plan-history li')).toHaveCount(1);
  // What the business writes.
  await step('review')
    .getByLabel('What the business writes for this step')
    .fill('Answer complaints the same morning. <b>Always</b>');
  await step('review').getByLabel('What the business writes for this step').blur();

  await expect
    .poll(async () => (await page.evaluate(() => document.querySelectorAll('.plan-history li').length)) > 0)
    .toBe(true);
  await page.reload();
  const kept = step('budget').locator('fieldset.plan-budget-line');
  await expect(kept.getByLabel('What for')).toHaveValue('Facebook ads');
  await expect(kept.getByLabel('Part')).toHaveValue('channels');
  await expect(kept.getByLabel('Planned', { exact: true })).toHaveValue('400000');
  await expect(step('budget').getByRole('table')).toContainText(/៛\s?400,000|400,000\s?៛|KHR\s?400,000/);
  await expect(step('responsibility').getByLabel('Complaint')).toHaveValue(SOPHEA);
  await expect(step('responsibility').locator('.plan-history li')).toContainText('Complaint to សុភា');
  await expect(step('review').getByLabel('What the business writes for this step')).toHaveValue(
    'Answer complaints the same morning. <b>Always</b>',
  );

  // The home shows the plan's targets as one figure.
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.locator('[data-plan-targets]')).toContainText(/Answered within target · Complaint\s*50%/);

  // Printed: the boxes give way to what the business wrote, and the buttons and nav are gone.
  await page.goto(page.url().replace(/#.*$/, '#/plan'));
  await expect(step('review').locator('textarea')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(step('review').locator('.plan-notes-text')).toHaveText(
    'Answer complaints the same morning. <b>Always</b>',
  );
  await expect(step('review').locator('textarea')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(step('responsibility').locator('[data-subject^="kind:"]').first()).toBeVisible();
  await expect(step('budget').locator('fieldset')).toBeHidden();
  await expect(step('budget').getByRole('table', { name: 'Budget lines' })).toContainText(/Channels · Facebook ads.*៛/);
  await page.emulateMedia({ media: 'screen' });

  // Downloaded as one HTML file that stands alone: the words, the figures, no script.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a document' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^plan-\d{4}-\d{2}-\d{2}\.html$/);
  const { readFile } = await import('node:fs/promises');
  const html = await readFile((await file.path()) ?? '', 'utf8');
  expect(html.startsWith('<!doctype html>')).toBe(true);
  for (const text of ['Answer complaints the same morning.', 'Angkor Office Supply', '50%', 'សុភា', 'Facebook ads'])
    expect(html).toContain(text);
  // The business's words are text in the document, never markup.
  expect(html).toContain('&lt;b&gt;Always&lt;/b&gt;');
  expect(html).not.toMatch(/<script|<link|src=|<b>/i);

  // The month's report carries the targets.
  const report = await rpc<{ id: string }>(page, 'reports.generateNow', { kind: 'month' });
  await page.goto(page.url().replace(/#.*$/, `#/report/${report.id}`));
  await expect(page.getByRole('row', { name: /Answered within target · Complaint/ })).toContainText(/50%.*Missed/);

  // In Khmer: the same steps and figures, in Khmer words and digits.
  await rpc(page, 'settings.update', { language: 'km' });
  await page.goto(page.url().replace(/#.*$/, '#/plan'));
  await expect(page.getByRole('heading', { name: 'ផែនការទំនាក់ទំនងអតិថិជន' })).toBeVisible();
  await expect(step('review').getByRole('row', { name: /បណ្តឹងតវ៉ា/ })).toContainText('៦៧%');
  await expect(step('competitors').getByRole('row', { name: /Angkor Office Supply/ })).toContainText('០%');
  await expect(step('measures').getByRole('row', { name: /ការពេញចិត្ត/ })).toContainText('សម្រេចបាន');
  await expect(step('responsibility').locator('.plan-history li')).toContainText('សុភា');
  await expect(step('budget').locator('fieldset.plan-budget-line').getByLabel('សម្រាប់អ្វី')).toHaveValue('Facebook ads');
});
