import type { browser as browserApi } from 'wxt/browser';
import { dashboardPath } from '../dashboard/links';
import { getSettings } from '../db/config';
import type { CrmDb } from '../db/schema';
import { serialQueue } from '../db/serial';
import { localeOf } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Settings } from '../model';
import { ReportArchive } from './archive';
import type { StoredReport } from './contract';
import { generateReport } from './data';
import { periodLabel, reportHeadline, type Translate } from './headline';
import { reportMailUrl } from './report-mail-draft';
import { planSchedules, REPORT_ALARM_PREFIX, type SchedulePlan, scheduledPeriods } from './schedule-plan';

type WebExt = typeof browserApi;

export const REPORT_NOTIFICATION_PREFIX = 'sidecar-report:';

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
    // The one button, "Email it": the Gmail draft to the manager, or the report's page when there is no manager yet.
    this.browser.notifications?.onButtonClicked.addListener((id) => {
      if (id.startsWith(REPORT_NOTIFICATION_PREFIX)) void this.mail(id.slice(REPORT_NOTIFICATION_PREFIX.length), id);
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
    const locale = localeOf(settings);
    const t: Translate = (key, values) => translate(locale, key, values);
    const id = `${REPORT_NOTIFICATION_PREFIX}${stored.id}`;
    const options = {
      type: 'basic' as const,
      iconUrl: this.browser.runtime.getURL('/icon/128.png'),
      title: t('report_ready_title', {
        period: periodLabel(stored.report.period, stored.report.timeZone, locale),
      }),
      message: reportHeadline(stored.report, t, locale),
    };
    try {
      await this.browser.notifications?.create(id, { ...options, buttons: [{ title: t('report_email_it') }] });
    } catch {
      // Firefox's schema has no `buttons` and rejects the call: without it, a click opens the page, which has the button.
      await this.browser.notifications?.create(id, options);
    }
  }

  private async mail(reportId: string, notificationId: string): Promise<void> {
    const stored = await this.archive.get(reportId);
    const url = stored ? await reportMailUrl(await this.database(), stored).catch(() => null) : null;
    if (url) {
      await this.browser.tabs.create({ url });
      await this.browser.notifications?.clear(notificationId);
    } else await this.open(reportId, notificationId);
  }

  private async open(reportId: string, notificationId: string): Promise<void> {
    await this.browser.tabs.create({ url: this.browser.runtime.getURL(dashboardPath('report', reportId)) });
    await this.browser.notifications?.clear(notificationId);
  }
}
