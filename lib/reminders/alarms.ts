import type { browser as browserApi } from 'wxt/browser';
import { dashboardPath } from '../dashboard/links';
import { getSettings } from '../db/config';
import type { CrmDb } from '../db/schema';
import { serialQueue } from '../db/serial';
import { openTasks, saveTasks } from '../db/tasks';
import { localeOf } from '../i18n/locale';
import { type MessageKey, translate } from '../i18n/translate';
import type { Settings, Task } from '../model';
import {
  alarmPlan,
  complete,
  countDue,
  groupForNotification,
  markFired,
  snooze,
  taskIdFromAlarm,
  tasksToFire,
} from './due';
import {
  buildNotification,
  type NotificationButton,
  opensReminderPage,
  reminderPagePath,
  snoozeDue,
  type Translate,
  taskIdsFromNotification,
} from './notification';
import { presetTime } from './presets';
import { notifyAt } from './quiet';

type WebExt = typeof browserApi;

function translatorFor(settings: Settings) {
  const locale = localeOf(settings);
  return (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
}

/**
 * Reminders live in the store; alarms are only a cache of them. Every wake re-derives the alarms from the store
 * with absolute times, fires what fell due while the browser was closed (once), and keeps the badge honest.
 */
export class ReminderRuntime {
  /** One reminder operation at a time: two alarms at once must not both fire the same task. */
  private readonly serial = serialQueue();
  /** Set once this browser refused a notification with buttons and took it without (Firefox): its answer, not its name. */
  private buttonsRefused = false;

  constructor(
    private readonly browser: WebExt,
    private readonly database: () => Promise<CrmDb>,
    private readonly now: () => number,
    private readonly changed: (stores: string[]) => void,
  ) {}

  listen(): void {
    this.browser.alarms.onAlarm.addListener((alarm) => {
      if (taskIdFromAlarm(alarm.name) !== null) void this.fireDue();
    });
    this.browser.notifications?.onClicked.addListener((id) => void this.openTarget(id));
    this.browser.notifications?.onButtonClicked.addListener((id, index) => void this.pressButton(id, index));
  }

  /** On install, browser start-up and every worker start. */
  wake(): Promise<void> {
    return this.fireDue().then(() => this.rearm());
  }

  rearm(): Promise<void> {
    return this.serial(async () => {
      const db = await this.database();
      const tasks = await openTasks(db);
      const now = this.now();
      const settings = await getSettings(db);
      const plan = alarmPlan(tasks, now, (when) => notifyAt(when, settings));
      const wanted = new Map(plan.map((a) => [a.name, a.when]));
      for (const alarm of await this.browser.alarms.getAll()) {
        if (taskIdFromAlarm(alarm.name) !== null && !wanted.has(alarm.name))
          await this.browser.alarms.clear(alarm.name);
      }
      for (const { name, when } of plan) {
        const existing = await this.browser.alarms.get(name);
        if (!existing || existing.scheduledTime !== when) await this.browser.alarms.create(name, { when });
      }
      await this.updateBadge(tasks, now);
    });
  }

  fireDue(): Promise<void> {
    return this.serial(async () => {
      const db = await this.database();
      const now = this.now();
      const due = tasksToFire(await openTasks(db), now);
      if (due.length === 0) return;
      // Outside working hours, with quiet asked for: nothing is shown; the re-arm below sets the alarm for the next
      // start of working hours, where everything due by then is shown at once.
      const settings = await getSettings(db);
      if (notifyAt(now, settings) > now) return;
      const t = translatorFor(settings);
      for (const group of groupForNotification(due, now)) await this.show(group, t);
      // Marked after showing: if the worker dies in between, the same notification id is shown again (it replaces,
      // it does not stack) rather than a reminder being lost.
      await saveTasks(
        db,
        due.map((task) => markFired(task, now)),
        now,
      );
      this.changed(['tasks']);
    }).then(() => this.rearm());
  }

  /**
   * Shows a group's notification with its buttons, or where the browser refuses them without, its click then opening
   * the reminder page. Firefox's schema has neither `buttons` nor `requireInteraction` and rejects the whole call.
   */
  private async show(group: readonly Task[], t: Translate): Promise<void> {
    const notifications = this.browser.notifications;
    if (!notifications) return;
    const iconUrl = this.browser.runtime.getURL('/icon/128.png');
    if (!this.buttonsRefused) {
      const content = buildNotification(group, t);
      try {
        await notifications.create(content.id, {
          type: 'basic',
          iconUrl,
          title: content.title,
          message: content.message,
          buttons: content.buttonTitles.map((title) => ({ title })),
          requireInteraction: true,
        });
        return;
      } catch {
        // Tried again below without them; if that fails too, the buttons were not the reason and its error is thrown.
      }
    }
    const plain = buildNotification(group, t, false);
    await notifications.create(plain.id, { type: 'basic', iconUrl, title: plain.title, message: plain.message });
    this.buttonsRefused = true;
  }

  private async translator() {
    return translatorFor(await getSettings(await this.database()));
  }

  private async updateBadge(tasks: Task[], now: number): Promise<void> {
    const action = this.browser.action ?? this.browser.browserAction;
    const count = countDue(tasks, now);
    await action?.setBadgeText({ text: count > 0 ? String(count) : '' });
    await action?.setBadgeBackgroundColor({ color: '#c5221f' });
  }

  private async tasksOf(notificationId: string): Promise<Task[]> {
    const ids = new Set(taskIdsFromNotification(notificationId));
    const db = await this.database();
    const found = await Promise.all([...ids].map((id) => db.get('tasks', id)));
    return found.filter((task): task is Task => !!task && task.deletedAt === null);
  }

  private async openTarget(notificationId: string): Promise<void> {
    const tasks = await this.tasksOf(notificationId);
    if (tasks.length === 0) return;
    await this.browser.tabs.create({ url: await this.clickUrl(notificationId, tasks) });
    await this.browser.notifications?.clear(notificationId);
  }

  /** A notification without buttons opens the reminder page, which has them; else its tasks' thread or record. */
  private async clickUrl(notificationId: string, tasks: Task[]): Promise<string> {
    const { runtime } = this.browser;
    if (opensReminderPage(notificationId)) return runtime.getURL(reminderPagePath(tasks.map((task) => task.id)));
    const target = buildNotification(tasks, await this.translator()).target;
    if (target.kind === 'thread') return target.url;
    return runtime.getURL(target.kind === 'record' ? dashboardPath(target.entity, target.id) : dashboardPath('tasks'));
  }

  private async pressButton(notificationId: string, index: number): Promise<void> {
    const tasks = await this.tasksOf(notificationId);
    if (tasks.length === 0) return;
    const content = buildNotification(tasks, await this.translator());
    const button: NotificationButton | undefined = content.buttons[index];
    if (!button) return;
    if (button === 'open') return this.openTarget(notificationId);
    const db = await this.database();
    const now = this.now();
    const settings = await getSettings(db);
    const changedTasks = tasks.map((task) => {
      if (button === 'done') return complete(task, now);
      const due = snoozeDue(button, now);
      return snooze(task, 'at' in due ? due.at : presetTime(due.preset, now, settings), now);
    });
    await saveTasks(db, changedTasks, now);
    await this.browser.notifications?.clear(notificationId);
    this.changed(['tasks']);
    await this.rearm();
  }
}
