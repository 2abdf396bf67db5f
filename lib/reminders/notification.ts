import { gmailThreadUrl } from '../dashboard/links';
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

export const BUTTON_KEYS: Record<NotificationButton, NotificationKey> = {
  open: 'notification_open',
  'snooze-hour': 'notification_snooze_hour',
  'snooze-tomorrow': 'notification_snooze_tomorrow',
  done: 'notification_done',
};

/** How many titles a summary lists before "and N more": notifications show only a few lines. */
const LISTED_TITLES = 3;

/** The notification id for a group: the task ids, so a click can be traced back and a re-show replaces, not stacks. */
export function notificationId(group: readonly Task[]): string {
  return `${NOTIFICATION_PREFIX}${group.map((task) => task.id).join(',')}`;
}

/** The task ids a notification id stands for; empty for a notification that is not a reminder. */
export function taskIdsFromNotification(id: string): string[] {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return [];
  return id
    .slice(NOTIFICATION_PREFIX.length)
    .split(',')
    .filter((taskId) => taskId !== '');
}

function targetOf(task: Task): NotificationTarget {
  // The thread first: a follow-up is nearly always "write back to this email", and the deal or contact is one click
  // away from the sidebar there.
  if (task.threadId && task.accountIndex !== null) {
    return {
      kind: 'thread',
      accountIndex: task.accountIndex,
      threadId: task.threadId,
      url: gmailThreadUrl(task.accountIndex, task.threadId),
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
 */
export function buildNotification(group: readonly Task[], t: Translate): NotificationContent {
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
  return {
    id: notificationId(group),
    ...content,
    buttonTitles: content.buttons.map((button) => t(BUTTON_KEYS[button])),
  };
}
