import type { Locator, Page } from '@playwright/test';
import { expect, rpc, test } from './harness';

interface Pipeline {
  id: string;
  stages: { id: string; name: string }[];
}
interface Settings {
  timeZone: string;
}

/** The parts of the extension API these tests call inside the extension (globals.d.ts declares only runtime). */
interface ExtensionApi {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
}

const HOUR = 3_600_000;
const TZ = 'Asia/Phnom_Penh';

/**
 * A small store: two open deals (USD 1,000.00 and ៛4,100,000 = USD 1,000.00 at the default rate), two won
 * (USD 500.00 and ៛8,200,000 = USD 2,000.00) and one lost; a thread answered after one hour and one still waiting.
 */
async function seed(page: Page) {
  await rpc(page, 'settings.update', { timeZone: TZ, defaultCurrency: 'USD', exchangeRates: { KHR: 1 / 4100 } });
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const stage = pipeline!.stages[0]!.id;
  const deal = (title: string, amount: number, currency: string) =>
    rpc<{ id: string }>(page, 'deal.create', {
      title,
      pipelineId: pipeline!.id,
      stageId: stage,
      value: { amount, currency },
    });
  await deal('Website redesign', 100_000, 'USD');
  await deal('អង្ករ ៥០ តោន', 4_100_000, 'KHR');
  for (const [title, amount, currency, status] of [
    ['Hotel linen', 50_000, 'USD', 'won'],
    ['ម៉ាស៊ីនត្រជាក់', 8_200_000, 'KHR', 'won'],
    ['Office chairs', 30_000, 'USD', 'lost'],
  ] as const) {
    const created = await deal(title, amount, currency);
    await rpc(page, 'deal.update', { id: created.id, patch: { status } });
  }

  const sokha = await rpc<{ id: string }>(page, 'contact.create', { name: 'សុខា ចាន់' });
  const dara = await rpc<{ id: string }>(page, 'contact.create', { name: 'Dara Keo' });
  const now = Date.now();
  const email = (contactId: string, threadId: string, direction: string, occurredAt: number, n: number) =>
    rpc(page, 'activity.add', {
      type: 'email',
      contactId,
      threadId,
      messageId: `msg-${threadId}-${n}`,
      direction,
      occurredAt,
      subject: 'Quote',
      // Seen in the browser's second signed-in Gmail account.
      accountIndex: 1,
    });
  await email(sokha.id, 'thread-answered', 'inbound', now - 2 * HOUR, 1);
  await email(sokha.id, 'thread-answered', 'outbound', now - 1 * HOUR, 2);
  await email(dara.id, 'thread-waiting', 'inbound', now - 30 * 60_000, 1);
}

test('the dashboard shows the figures of the store: win rate, converted totals, reply time, waiting threads', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/');
  await expect(page.getByRole('heading', { name: 'Sales dashboard' })).toBeVisible();
  await seed(page);

  // Two won and one lost this month; the KHR deals count in dollars at 4,100 riel to the dollar.
  const headline = page.locator('dl.headline');
  await expect(headline.getByText('67%')).toBeVisible();
  await expect(headline.getByText('2 won, 1 lost')).toBeVisible();
  await expect(headline.getByText('$2,500.00')).toBeVisible();
  await expect(headline.getByText('$2,000.00')).toBeVisible();
  await expect(headline.getByText('1 h 0 min', { exact: true })).toBeVisible();

  // The table behind the pipeline chart carries the same numbers, per currency and converted.
  const pipelineFigure = page.getByRole('region', { name: 'Pipeline value by stage' });
  await pipelineFigure.getByRole('button', { name: 'Show the numbers' }).click();
  const total = pipelineFigure.getByRole('row', { name: /Total/ });
  await expect(total).toContainText('៛4,100,000 · $1,000.00');
  await expect(total).toContainText('$2,000.00');

  const waiting = page.getByRole('region', { name: /Waiting for an answer/ });
  const link = waiting.getByRole('link', { name: "Open Dara Keo's thread in Gmail" });
  await expect(link).toHaveAttribute('href', 'https://mail.google.com/mail/u/1/#all/thread-waiting');
  await expect(waiting.getByRole('link')).toHaveCount(1);

  // The rep reads it in Khmer; money keeps its signs.
  await rpc(page, 'settings.update', { language: 'km' });
  await expect(page.getByRole('heading', { name: 'ផ្ទាំងព័ត៌មានលក់' })).toBeVisible();
  await expect(page.locator('dl.headline').getByText('អត្រាឈ្នះ')).toBeVisible();
  await rpc(page, 'settings.update', { language: 'en' });
});

/**
 * Each column of a column chart: its label's box and the horizontal centres of its bars. Bars come in column order,
 * one a series, so a column's bars are the next `bars / labels` of them.
 */
async function columnsOf(figure: Locator) {
  const labels = await figure.locator('.column-label').evaluateAll((spans) =>
    spans.map((span) => {
      const box = span.getBoundingClientRect();
      return { text: span.textContent ?? '', left: box.left, right: box.right };
    }),
  );
  const centres = await figure
    .locator('svg rect')
    .evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect()).map((box) => box.left + box.width / 2));
  const each = centres.length / labels.length;
  return labels.map((label, i) => ({ ...label, bars: centres.slice(i * each, (i + 1) * each) }));
}

test('every bar of the won/lost and response-time charts sits over its own label, on a wide screen too', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/');
  const settings = await rpc<Settings>(page, 'settings.get', {});
  if (settings.timeZone !== TZ) await seed(page);
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const name of ['Deals won and lost', 'Response times']) {
      const figure = page.getByRole('region', { name, exact: true });
      await expect(figure.locator('.column-label').first()).toBeVisible();
      const columns = await columnsOf(figure);
      expect(columns.length, `${name} at ${width} px`).toBeGreaterThan(1);
      for (const column of columns) {
        expect(column.bars.length).toBeGreaterThan(0);
        for (const centre of column.bars) {
          const where = `a bar of ${column.text} in ${name} at ${width} px`;
          expect(centre, where).toBeGreaterThanOrEqual(column.left);
          expect(centre, where).toBeLessThanOrEqual(column.right);
        }
      }
    }
  }
});

test('a scheduled report fires at its time: notification, then a page with the numbers', async ({ ext }) => {
  test.setTimeout(150_000);
  const page = await ext.openPage('dashboard.html#/reports');
  // The first test seeds the profile; run alone (or after a failure, in a fresh profile) this one seeds it itself.
  const settings = await rpc<Settings>(page, 'settings.get', {});
  if (settings.timeZone !== TZ) await seed(page);

  // The next whole minute on the rep's clock; close to a minute's end, wait for the next so it is not missed.
  if (new Date().getSeconds() >= 55) await page.waitForTimeout(6_000);
  const runAt = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ })
    .format(runAt)
    .replace(/[^\d:]/g, '');
  const id = crypto.randomUUID();
  await rpc(page, 'settings.update', { reportSchedules: [{ id, frequency: 'daily', time, repId: null }] });

  // Armed from the settings with the absolute time of the run.
  const worker = await ext.worker();
  await expect
    .poll(() =>
      worker.evaluate(
        (name) =>
          (globalThis as unknown as { chrome: ExtensionApi }).chrome.alarms
            .get(name)
            .then((alarm) => alarm?.scheduledTime ?? null),
        `report:${id}`,
      ),
    )
    .toBe(runAt);

  // Chromium fires the alarm at the minute; the worker builds the report and shows its notification.
  let reportId = '';
  await expect
    .poll(
      async () => {
        const shown = await page.evaluate(() =>
          (globalThis as unknown as { chrome: ExtensionApi }).chrome.notifications.getAll(),
        );
        const key = Object.keys(shown).find((name) => name.startsWith('sidecar-report:'));
        reportId = key?.slice('sidecar-report:'.length) ?? '';
        return reportId;
      },
      { timeout: 100_000, intervals: [1_000] },
    )
    .not.toBe('');

  await page.goto(page.url().replace(/#.*$/, `#/report/${reportId}`));
  await expect(page.getByRole('heading', { name: /Sales report:/ })).toBeVisible();
  const table = page.locator('table.report-table');
  await expect(table.getByRole('row', { name: /^Deals won/ })).toContainText('2');
  await expect(table.getByRole('row', { name: /^Value won/ })).toContainText('$2,500.00');
  await expect(table.getByRole('row', { name: /^Win rate/ })).toContainText('67%');
  await expect(table.getByRole('row', { name: /^Reply time, median/ })).toContainText('1 h 0 min');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();

  // Kept in the list of generated reports.
  await page.goto(page.url().replace(/#.*$/, '#/reports'));
  await expect(page.getByRole('link', { name: /Open the report for/ })).toHaveCount(1);
});
