import { beforeEach, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { listPipelines, updateSettings } from '@/lib/db/config';
import { createDeal, updateDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { KEEP_REPORTS, ReportArchive } from '@/lib/reports/archive';
import { REPORT_ALARM_PREFIX } from '@/lib/reports/schedule-plan';
import { REPORT_NOTIFICATION_PREFIX, ReportScheduler } from '@/lib/reports/scheduler';
import { DAILY, pp, TZ } from './dataset';

const ALARM = `${REPORT_ALARM_PREFIX}${DAILY.id}`;

describe('ReportScheduler', () => {
  let db: CrmDb;
  let n = 0;
  let clock = pp(2026, 3, 10, 9);
  const now = () => clock;

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = pp(2026, 3, 10, 9);
    const name = `scheduler-${n++}`;
    db = await openCrmDb(name, now);
    await updateSettings(db, { timeZone: TZ, reportSchedules: [DAILY] });
  });

  const scheduler = () => {
    // The fake implements the APIs the scheduler uses (alarms, notifications, storage, tabs), not the whole type.
    const runtime = new ReportScheduler(fakeBrowser as unknown as typeof browser, async () => db, now);
    runtime.listen();
    return runtime;
  };
  const stored = () => new ReportArchive(fakeBrowser.storage.local).list();

  it('arms report:<id> with the absolute time of the next run', async () => {
    await scheduler().wake();
    const alarm = await fakeBrowser.alarms.get(ALARM);
    expect(alarm?.scheduledTime).toBe(pp(2026, 3, 11, 8, 30));
    expect(await stored()).toEqual([]);
  });

  it('fires once when its alarm rings: a report with the numbers, a notification, the next alarm', async () => {
    const runtime = scheduler();
    await runtime.wake();
    const [pipeline] = await listPipelines(db);
    clock = pp(2026, 3, 10, 15);
    const deal = await createDeal(
      db,
      {
        title: 'Hotel linen',
        pipelineId: pipeline!.id,
        stageId: pipeline!.stages[0]!.id,
        value: { amount: 4_100_000, currency: 'KHR' },
      },
      clock,
    );
    await updateDeal(db, deal.id, { status: 'won' }, clock);

    clock = pp(2026, 3, 11, 8, 30);
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM, scheduledTime: clock });
    await runtime.wake(); // waits for the work the alarm queued
    const reports = await stored();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ scheduleId: DAILY.id, origin: 'daily' });
    expect(reports[0]!.report.period).toEqual({ start: pp(2026, 3, 10, 8, 30), end: pp(2026, 3, 11, 8, 30) });
    expect(reports[0]!.report.deals.won.count.current).toBe(1);
    expect(reports[0]!.report.deals.won.value.converted).toEqual({ amount: 100_000, currency: 'USD' });

    const notifications = await fakeBrowser.notifications.getAll();
    const id = `${REPORT_NOTIFICATION_PREFIX}${reports[0]!.id}`;
    expect(Object.keys(notifications)).toEqual([id]);
    expect(notifications[id]).toMatchObject({ message: expect.stringContaining('$1,000.00') });
    expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBe(pp(2026, 3, 12, 8, 30));

    // The same alarm again, or a reminder's alarm, generates nothing more.
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARM, scheduledTime: clock });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'task:abc', scheduledTime: clock });
    await runtime.wake();
    expect(await stored()).toHaveLength(1);
  });

  it('runs a report missed while the browser was closed once, at the next start', async () => {
    await scheduler().wake();
    // Closed for three days; the alarms were lost with the browser. A new worker starts.
    await fakeBrowser.alarms.clearAll();
    clock = pp(2026, 3, 13, 12);
    const restarted = scheduler();
    expect(await restarted.wake()).toBe(1);
    expect(await restarted.wake()).toBe(0);
    const reports = await stored();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.report.period).toEqual({ start: pp(2026, 3, 12, 8, 30), end: pp(2026, 3, 13, 8, 30) });
    expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBe(pp(2026, 3, 14, 8, 30));
  });

  it('clears the alarm of a removed schedule and leaves reminder alarms alone', async () => {
    await fakeBrowser.alarms.create('task:abc', { when: pp(2026, 3, 20) });
    await scheduler().wake();
    await updateSettings(db, { reportSchedules: [] });
    await scheduler().wake();
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual(['task:abc']);
  });

  it('opens the report page when its notification is clicked', async () => {
    scheduler();
    const id = '9a1f3c2e-1111-4222-8333-444455556666';
    await fakeBrowser.notifications.onClicked.trigger(`${REPORT_NOTIFICATION_PREFIX}${id}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL(`/dashboard.html#/report/${id}`));
  });

  it('keeps only the last reports', async () => {
    const archive = new ReportArchive(fakeBrowser.storage.local);
    const [template] = await (async () => {
      await scheduler().wake();
      clock = pp(2026, 3, 11, 8, 30);
      await scheduler().wake();
      return stored();
    })();
    for (let i = 0; i < KEEP_REPORTS + 5; i++) await archive.add({ ...template!, id: crypto.randomUUID() });
    expect(await stored()).toHaveLength(KEEP_REPORTS);
  });
});
