import { webmailThreadUrl } from '../dashboard/links';
import type { Task } from '../model';

/**
 * What a reminder notification says and does, built from the group of tasks it stands for. Pure: the worker passes
 * its translation function and turns the result into browser.notifications calls.
 */

export type NotificationButton = 'open' | 'snooze-hour' | 'snooze-tomorrow' | 'done';

export type NotificationKey =
  | 'notification_follow_up_due'
  | 'notification_no_reply'
  | 'notification_group_title'
  | 'notification_group_more'
  | 'notification_open'
  | 'notification_snooze_hour'
  | 'notification_snooze_tomorrow'
  | 'notification_done';

export type Translate = (key: NotificationKey, substitutions?: Record<string, string | number>) => string;

export type NotificationTarget =
  | { kind: 'thread'; accountIndex: number; threadId: string; url: string }
  | { kind: 'record'; entity: 'contact' | 'deal'; id: string }
  | { kind: 'popup' };

export interface NotificationContent {
  id: string;
  title: string;
  message: string;
  /** At most two: Chrome shows no more than two buttons on a notification. Clicking the body opens `target`. */
  buttons: NotificationButton[];
  /** The buttons' labels, in the same order. */
  buttonTitles: string[];
  target: NotificationTarget;
}

export const NOTIFICATION_PREFIX = 'sidecar-tasks:';
/**
 * A notification shown without buttons, where the browser refuses them (Firefox): its click opens the reminder page,
 * which carries them. Kept in the id so the click is routed right even by a worker that restarted since.
 */
export const PAGE_NOTIFICATION_PREFIX = 'sidecar-tasks-page:';

export const BUTTON_KEYS: Record<NotificationButton, NotificationKey> = {
  open: 'notification_open',
  'snooze-hour': 'notification_snooze_hour',
  'snooze-tomorrow': 'notification_snooze_tomorrow',
  done: 'notification_done',
};

const HOUR = 3_600_000;

/** What a snooze button asks for, as the worker's task.snooze takes it: an hour from `now`, or the next work morning. */
export function snoozeDue(
  button: 'snooze-hour' | 'snooze-tomorrow',
  now: number,
): { at: number } | { preset: 'tomorrow-morning' } {
  return button === 'snooze-hour' ? { at: now + HOUR } : { preset: 'tomorrow-morning' };
}

/** How many titles a summary lists before "and N more": notifications show only a few lines. */
const LISTED_TITLES = 3;

/** The notification id for a group: the task ids, so a click can be traced back and a re-show replaces, not stacks. */
export function notificationId(group: readonly Task[], withButtons = true): string {
  const prefix = withButtons ? NOTIFICATION_PREFIX : PAGE_NOTIFICATION_PREFIX;
  return `${prefix}${group.map((task) => task.id).join(',')}`;
}

/** The task ids a notification id stands for; empty for a notification that is not a reminder. */
export function taskIdsFromNotification(id: string): string[] {
  const prefix = [NOTIFICATION_PREFIX, PAGE_NOTIFICATION_PREFIX].find((p) => id.startsWith(p));
  if (prefix === undefined) return [];
  return id
    .slice(prefix.length)
    .split(',')
    .filter((taskId) => taskId !== '');
}

/** Whether a click on this notification opens the reminder page rather than the tasks' thread or record. */
export function opensReminderPage(id: string): boolean {
  return id.startsWith(PAGE_NOTIFICATION_PREFIX);
}

/** The reminder page for these tasks, inside the extension. */
export function reminderPagePath(taskIds: readonly string[]): `/reminder.html#${string}` {
  return `/reminder.html#${taskIds.join(',')}`;
}

/** The task ids of a reminder page's address hash, as reminderPagePath wrote them. */
export function taskIdsFromReminderHash(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split(',')
    .filter((taskId) => taskId !== '');
}

/** Where the notification of this one task leads: its thread, else its deal or contact, else the task list. */
export function targetOf(task: Task): NotificationTarget {
  // The thread first: a follow-up is nearly always "write back to this email", and the deal or contact is one click
  // away from the sidebar there.
  if (task.threadId && task.accountIndex !== null) {
    return {
      kind: 'thread',
      accountIndex: task.accountIndex,
      threadId: task.threadId,
      url: webmailThreadUrl(task.accountIndex, task.threadId),
    };
  }
  if (task.dealId) return { kind: 'record', entity: 'deal', id: task.dealId };
  if (task.contactId) return { kind: 'record', entity: 'contact', id: task.contactId };
  return { kind: 'popup' };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]?.trim() ?? '';
}

/**
 * The notification for one group from groupForNotification. Button choice (Chrome allows two; "open" is the body
 * click, so it never takes a button):
 * - one task: "done" closes the loop without leaving what the rep is doing; the second is the likeliest "not now" —
 *   "snooze-hour" for a follow-up, "snooze-tomorrow" for a no-reply task, since an hour rarely brings the reply.
 * - a summary: "snooze-hour" and "snooze-tomorrow", both undoable; "done" on tasks the rep has not looked at would
 *   close them unread, so marking done happens in the list the body click opens.
 * - `withButtons` false, where the browser refuses buttons: none; the body click opens the reminder page instead.
 */
export function buildNotification(group: readonly Task[], t: Translate, withButtons = true): NotificationContent {
  const [first] = group;
  if (!first) throw new RangeError('A notification needs at least one task');
  let content: Omit<NotificationContent, 'id' | 'buttonTitles'>;
  if (group.length === 1) {
    const noReply = first.kind === 'no-reply';
    content = {
      title: first.title,
      message: noReply ? t('notification_no_reply') : firstLine(first.note) || t('notification_follow_up_due'),
      buttons: ['done', noReply ? 'snooze-tomorrow' : 'snooze-hour'],
      target: targetOf(first),
    };
  } else {
    const listed = group.slice(0, LISTED_TITLES).map((task) => task.title);
    const rest = group.length - listed.length;
    if (rest > 0) listed.push(t('notification_group_more', { count: rest }));
    content = {
      title: t('notification_group_title', { count: group.length }),
      message: listed.join('\n'),
      buttons: ['snooze-hour', 'snooze-tomorrow'],
      target: { kind: 'popup' },
    };
  }
  if (!withButtons) content.buttons = [];
  return {
    id: notificationId(group, withButtons),
    ...content,
    buttonTitles: content.buttons.map((button) => t(BUTTON_KEYS[button])),
  };
}
