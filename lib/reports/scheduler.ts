import type { browser as browserApi } from 'wxt/browser';
import { getSettings } from '../db/config';
import type { CrmDb } from '../db/schema';
import { serialQueue } from '../db/serial';
import { LOCALES, type MessageKey, translate } from '../i18n/translate';
import type { ReportSchedule, Settings } from '../model';
import { formatMoney } from '../model/money';
import { nextRunAt, type Period, periodBounds, previousPeriod } from '../time/periods';
import { type StoredReport, storedReportSchema } from '../worker/contract-records';
import { loadReportRecords } from './data';
import { buildScheduledReport, durationText, type ScheduledReport } from './report';

type WebExt = typeof browserApi;

export const REPORT_ALARM_PREFIX = 'report:';
export const REPORT_NOTIFICATION_PREFIX = 'sidecar-report:';
/** storage.local keys: the generated reports, newest first, and each schedule's last handled run. */
export const REPORTS_KEY = 'generatedReports';
export const SCHEDULER_STATE_KEY = 'reportSchedulerState';
/** Enough for three weeks of daily reports; older ones can be generated again from the store. */
export const KEEP_REPORTS = 20;

export type NowKind = 'day' | 'week' | 'month' | 'quarter';

// ---------------------------------------------------------------------------------------------------------------
// Pure planning

export interface ScheduleState {
  /** The last run instant handled (or the moment the schedule was first seen): the next run comes after it. */
  anchor: number;
  /** The schedule's timing when the anchor was set; a changed timing starts afresh instead of "catching up". */
  signature: string;
}

export function scheduleSignature(schedule: ReportSchedule): string {
  return [schedule.frequency, schedule.time, schedule.weekday ?? '', schedule.dayOfMonth ?? ''].join('|');
}

const DAY = 86_400_000;
/** More than two intervals of each frequency, so the walk in previousRunAt starts before the run it looks for. */
const LOOKBACK: Record<ReportSchedule['frequency'], number> = {
  daily: 3 * DAY,
  weekly: 15 * DAY,
  monthly: 100 * DAY,
  quarterly: 200 * DAY,
};

/** The run of `schedule` just before `runAt` (itself a run instant). */
export function previousRunAt(schedule: ReportSchedule, runAt: number, timeZone: string): number {
  let candidate = nextRunAt(schedule, runAt - LOOKBACK[schedule.frequency], timeZone);
  let previous = candidate;
  while (candidate < runAt) {
    previous = candidate;
    candidate = nextRunAt(schedule, candidate, timeZone);
  }
  return previous;
}

/**
 * A scheduled report covers the time since the run before it, [previous run, this run), and compares it with the
 * interval before that. Consecutive reports thus tile time: whatever happened is in exactly one report, and a daily
 * report at 17:00 includes the day's work, which a calendar "yesterday" would not.
 */
export function scheduledPeriods(
  schedule: ReportSchedule,
  runAt: number,
  timeZone: string,
): { period: Period; previous: Period } {
  const start = previousRunAt(schedule, runAt, timeZone);
  const before = previousRunAt(schedule, start, timeZone);
  return { period: { start, end: runAt }, previous: { start: before, end: start } };
}

/** "Generate now": the current calendar period so far, against the whole period before it. */
export function currentPeriods(kind: NowKind, now: number, timeZone: string): { period: Period; previous: Period } {
  const whole = periodBounds(kind, now, timeZone);
  return { period: { start: whole.start, end: now }, previous: previousPeriod(kind, whole, timeZone) };
}

export interface SchedulePlan {
  state: Record<string, ScheduleState>;
  /** Reports to generate now: at most one per schedule, for its latest run instant at or before now. */
  runs: { schedule: ReportSchedule; runAt: number }[];
  alarms: { name: string; when: number }[];
}

/** Runs a schedule can have missed before only the latest is generated; a year of daily runs is well inside. */
const MAX_CATCH_UP_STEPS = 2000;

/**
 * What to run and arm, from the schedules, what was handled before, and now. A new or re-timed schedule starts
 * from now (setting one up does not produce a report at once); a run missed while the browser was closed runs once,
 * however many were missed, for the latest of them; each schedule's alarm is its next run, an absolute instant.
 */
export function planSchedules(
  schedules: readonly ReportSchedule[],
  previous: Readonly<Record<string, ScheduleState>>,
  now: number,
  timeZone: string,
): SchedulePlan {
  const state: Record<string, ScheduleState> = {};
  const runs: SchedulePlan['runs'] = [];
  const alarms: SchedulePlan['alarms'] = [];
  for (const schedule of schedules) {
    const signature = scheduleSignature(schedule);
    const known = previous[schedule.id];
    let anchor = known && known.signature === signature ? known.anchor : now;
    let due = nextRunAt(schedule, anchor, timeZone);
    if (due <= now) {
      let latest = due;
      for (let step = 0; step < MAX_CATCH_UP_STEPS && due <= now; step++) {
        latest = due;
        due = nextRunAt(schedule, due, timeZone);
      }
      runs.push({ schedule, runAt: latest });
      anchor = latest;
      due = nextRunAt(schedule, anchor, timeZone);
    }
    state[schedule.id] = { anchor, signature };
    alarms.push({ name: `${REPORT_ALARM_PREFIX}${schedule.id}`, when: due });
  }
  return { state, runs, alarms };
}

// ---------------------------------------------------------------------------------------------------------------
// Notification text

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function periodLabel(period: Period, timeZone: string, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const from = date.format(period.start);
  const to = date.format(period.end - 1);
  return from === to ? from : `${from} – ${to}`;
}

/** The few numbers a manager reads in a notification: won, win rate, new contacts, reply time. */
export function reportHeadline(report: ScheduledReport, t: Translate, locale: string): string {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const won = report.deals.won;
  const lines = [
    t('report_headline_won', {
      count: count.format(won.count.current),
      value: formatMoney(won.value.converted, locale),
    }),
    report.deals.winRate.current === null
      ? t('reportWinRateNone')
      : t('reportWinRate', { rate: percent.format(report.deals.winRate.current) }),
    t('report_headline_contacts', { count: count.format(report.contacts.created.current) }),
    report.responseTimes.current.medianMs === null
      ? t('reportResponseTimeNone')
      : t('report_headline_reply', { median: durationText(report.responseTimes.current.medianMs, t, locale) }),
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Storage of generated reports

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One read-modify-write at a time per storage area, whoever holds an archive over it (worker and RPC handlers). */
const queues = new WeakMap<object, Promise<unknown>>();
function serialOn<T>(key: object, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** The last KEEP_REPORTS generated reports, newest first, in storage.local (small, and survives restarts). */
export class ReportArchive {
  constructor(private readonly area: StorageArea) {}

  async list(): Promise<StoredReport[]> {
    const raw = (await this.area.get(REPORTS_KEY))[REPORTS_KEY];
    if (!Array.isArray(raw)) return [];
    // A report stored by an older build that no longer parses is skipped, not allowed to break the list.
    return raw.flatMap((item: unknown) => {
      const parsed = storedReportSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async get(id: string): Promise<StoredReport | null> {
    return (await this.list()).find((stored) => stored.id === id) ?? null;
  }

  add(stored: StoredReport): Promise<void> {
    return serialOn(this.area, async () => {
      const kept = (await this.list()).filter((other) => other.id !== stored.id);
      await this.area.set({ [REPORTS_KEY]: [stored, ...kept].slice(0, KEEP_REPORTS) });
    });
  }

  loadState(): Promise<Record<string, ScheduleState>> {
    return this.area
      .get(SCHEDULER_STATE_KEY)
      .then((items) => (items[SCHEDULER_STATE_KEY] as Record<string, ScheduleState> | undefined) ?? {});
  }

  saveState(state: Record<string, ScheduleState>): Promise<void> {
    return this.area.set({ [SCHEDULER_STATE_KEY]: state });
  }
}

/** Reads what the periods need from the store and builds the report. */
export async function generateReport(
  db: CrmDb,
  settings: Settings,
  now: number,
  periods: { period: Period; previous: Period },
  repId: string | null,
): Promise<ScheduledReport> {
  const records = await loadReportRecords(db, { from: periods.previous.start, to: periods.period.end, now }, settings);
  return buildScheduledReport({ ...records, repId }, periods.period, periods.previous);
}

/** The rep's "Generate now": the current period so far, kept in the archive beside the scheduled reports. */
export async function generateNow(
  db: CrmDb,
  archive: ReportArchive,
  now: number,
  kind: NowKind,
  repId: string | null,
): Promise<StoredReport> {
  const settings = await getSettings(db);
  const report = await generateReport(db, settings, now, currentPeriods(kind, now, settings.timeZone), repId);
  const stored: StoredReport = { id: crypto.randomUUID(), scheduleId: null, origin: `now-${kind}`, report };
  await archive.add(stored);
  return stored;
}

// ---------------------------------------------------------------------------------------------------------------
// The worker's side

/**
 * Schedules live in the settings; alarms are only a cache of them, as with reminders. Every wake (install, start-up,
 * worker start, a `report:` alarm, a settings change) re-derives the alarms with absolute times and generates what
 * fell due, once, even if the browser was closed at the time.
 */
export class ReportScheduler {
  /** One wake at a time: two alarms at once must not both generate the same report. */
  private readonly serial = serialQueue();
  readonly archive: ReportArchive;

  constructor(
    private readonly browser: WebExt,
    private readonly database: () => Promise<CrmDb>,
    private readonly now: () => number,
  ) {
    this.archive = new ReportArchive(browser.storage.local);
  }

  listen(): void {
    this.browser.alarms.onAlarm.addListener((alarm) => {
      // Reminders own `task:` alarms; this listener must not wake for them, nor they for these.
      if (alarm.name.startsWith(REPORT_ALARM_PREFIX)) void this.wake();
    });
    this.browser.notifications?.onClicked.addListener((id) => {
      if (id.startsWith(REPORT_NOTIFICATION_PREFIX)) void this.open(id.slice(REPORT_NOTIFICATION_PREFIX.length), id);
    });
  }

  /** Generates what is due and re-arms; answers how many reports were generated. */
  wake(): Promise<number> {
    return this.serial(async () => {
      const db = await this.database();
      const settings = await getSettings(db);
      const now = this.now();
      const plan = planSchedules(
        settings.reportSchedules ?? [],
        await this.archive.loadState(),
        now,
        settings.timeZone,
      );
      let generated = 0;
      for (const { schedule, runAt } of plan.runs) {
        try {
          const periods = scheduledPeriods(schedule, runAt, settings.timeZone);
          const report = await generateReport(db, settings, now, periods, schedule.repId);
          const stored: StoredReport = {
            id: crypto.randomUUID(),
            scheduleId: schedule.id,
            origin: schedule.frequency,
            report,
          };
          await this.archive.add(stored);
          generated++;
          await this.notify(stored, settings);
        } catch (error) {
          // The run is still marked handled: a report that cannot be built now would fail again at every wake.
          console.error('Sidecar: scheduled report failed', error);
        }
      }
      await this.archive.saveState(plan.state);
      await this.arm(plan.alarms);
      return generated;
    });
  }

  private async arm(alarms: SchedulePlan['alarms']): Promise<void> {
    const wanted = new Map(alarms.map((alarm) => [alarm.name, alarm.when]));
    for (const alarm of await this.browser.alarms.getAll()) {
      if (alarm.name.startsWith(REPORT_ALARM_PREFIX) && !wanted.has(alarm.name)) {
        await this.browser.alarms.clear(alarm.name);
      }
    }
    for (const [name, when] of wanted) {
      // Re-creating an alarm replaces it: only do so when its time changed.
      const existing = await this.browser.alarms.get(name);
      if (!existing || existing.scheduledTime !== when) await this.browser.alarms.create(name, { when });
    }
  }

  private async notify(stored: StoredReport, settings: Settings): Promise<void> {
    const locale = LOCALES[settings.language];
    const t: Translate = (key, values) => translate(settings.language, key, values);
    await this.browser.notifications?.create(`${REPORT_NOTIFICATION_PREFIX}${stored.id}`, {
      type: 'basic',
      iconUrl: this.browser.runtime.getURL('/icon/128.png'),
      title: t('report_ready_title', {
        period: periodLabel(stored.report.period, stored.report.timeZone, locale),
      }),
      message: reportHeadline(stored.report, t, locale),
    });
  }

  private async open(reportId: string, notificationId: string): Promise<void> {
    await this.browser.tabs.create({ url: this.browser.runtime.getURL(`/dashboard.html#/report/${reportId}`) });
    await this.browser.notifications?.clear(notificationId);
  }
}
