import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { createTask } from '@/lib/db/tasks';
import { ReminderRuntime } from '@/lib/reminders/alarms';
import {
  buildNotification,
  type NotificationKey,
  notificationId,
  opensReminderPage,
  reminderPagePath,
  snoozeDue,
  taskIdsFromNotification,
  taskIdsFromReminderHash,
} from '@/lib/reminders/notification';
import { HOUR, makeTask, T0 } from './fixtures';

const t = (key: NotificationKey) => key;
const THREAD_URL = 'https://mail.google.com/mail/u/0/#all/18c2f0a9b7d4e311';

describe('a notification without buttons', () => {
  it('has none, and an id that sends its click to the reminder page', () => {
    const tasks = [makeTask(), makeTask()];
    const content = buildNotification(tasks, t, false);
    expect(content.buttons).toEqual([]);
    expect(content.buttonTitles).toEqual([]);
    expect(content.id).toBe(notificationId(tasks, false));
    expect(opensReminderPage(content.id)).toBe(true);
    expect(opensReminderPage(notificationId(tasks))).toBe(false);
    expect(taskIdsFromNotification(content.id)).toEqual(tasks.map((task) => task.id));
  });

  it('names its tasks in the reminder page address, which the page reads back', () => {
    const ids = [makeTask().id, makeTask().id];
    const path = reminderPagePath(ids);
    expect(path).toBe(`/reminder.html#${ids.join(',')}`);
    expect(taskIdsFromReminderHash(new URL(path, 'chrome-extension://x').hash)).toEqual(ids);
    expect(taskIdsFromReminderHash('')).toEqual([]);
  });

  it('offers the snoozes of the buttons: an hour from now, or the next working morning', () => {
    expect(snoozeDue('snooze-hour', T0)).toEqual({ at: T0 + HOUR });
    expect(snoozeDue('snooze-tomorrow', T0)).toEqual({ preset: 'tomorrow-morning' });
  });
});

/** notifications.create as the runtime calls it; the fake's own type knows no `buttons`. */
type Create = (id: string, options: Record<string, unknown>) => Promise<string>;

/** The fake browser as Firefox answers: its notifications schema has neither `buttons` nor `requireInteraction`. */
function withoutButtons(): typeof fakeBrowser {
  const create = fakeBrowser.notifications.create as unknown as Create;
  const refusing: Create = async (id, options) => {
    if ('buttons' in options) {
      throw new TypeError('Type error for parameter options (Property "buttons" is unsupported by Firefox)');
    }
    if ('requireInteraction' in options) throw new TypeError('Unexpected property "requireInteraction"');
    return create(id, options);
  };
  return {
    ...fakeBrowser,
    notifications: {
      ...fakeBrowser.notifications,
      create: refusing as unknown as typeof fakeBrowser.notifications.create,
    },
  };
}

/** What the fake keeps of each notification shown. */
async function shownNotifications(): Promise<Record<string, { buttons?: { title: string }[] }>> {
  return (await fakeBrowser.notifications.getAll()) as Record<string, { buttons?: { title: string }[] }>;
}

describe('clicking a reminder notification', () => {
  let db: CrmDb;
  let n = 0;
  const clock = T0;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openCrmDb(`click-${n++}`, () => clock);
  });

  const start = (api: typeof fakeBrowser) => {
    // The fake implements what the runtime uses (alarms, notifications, tabs, action), not the whole type.
    const reminders = new ReminderRuntime(
      api as unknown as typeof browser,
      async () => db,
      () => clock,
      () => undefined,
    );
    reminders.listen();
    return reminders;
  };
  const dueTask = () =>
    createTask(
      db,
      { title: 'Send the riel quote', dueAt: T0 - HOUR, threadId: '18c2f0a9b7d4e311', accountIndex: 0 },
      T0,
    );
  const opened = () => vi.spyOn(fakeBrowser.tabs, 'create');

  it('where notifications have buttons, shows them and opens the thread on a click, as before', async () => {
    const task = await dueTask();
    await start(fakeBrowser).fireDue();
    const shown = await shownNotifications();
    const id = notificationId([task]);
    expect(shown[id]?.buttons?.map((b) => b.title)).toEqual(['Done', 'In 1 hour']);
    const create = opened();
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: THREAD_URL }));
  });

  it('where they have none, shows it plain and opens the reminder page for its tasks on a click', async () => {
    const task = await dueTask();
    const api = withoutButtons();
    await start(api).fireDue();
    const shown = await shownNotifications();
    const id = notificationId([task], false);
    expect(Object.keys(shown)).toEqual([id]);
    expect(shown[id]).not.toHaveProperty('buttons');
    expect((await db.get('tasks', task.id))?.firedAt).toBe(T0);

    const create = opened();
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/reminder.html#${task.id}`) }),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
  });

  it('asks with buttons once: after the refusal, later notifications are shown plain straight away', async () => {
    const api = withoutButtons();
    const create = vi.spyOn(api.notifications, 'create');
    const reminders = start(api);
    await dueTask();
    await reminders.fireDue();
    expect(create).toHaveBeenCalledTimes(2);
    await createTask(db, { title: 'Call Sokha', dueAt: T0 - HOUR }, T0);
    await reminders.fireDue();
    expect(create).toHaveBeenCalledTimes(3);
    expect((create.mock.lastCall as unknown[] | undefined)?.[1]).not.toHaveProperty('buttons');
  });

  it('throws what the browser said when a plain notification fails too', async () => {
    await dueTask();
    const api = withoutButtons();
    const failing: Create = async () => {
      throw new Error('The notification service is off');
    };
    api.notifications.create = failing as unknown as typeof api.notifications.create;
    await expect(start(api).fireDue()).rejects.toThrow('The notification service is off');
  });
});
