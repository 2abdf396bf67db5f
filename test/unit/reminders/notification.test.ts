import { describe, expect, it } from 'vitest';
import {
  buildNotification,
  type NotificationKey,
  notificationId,
  type Translate,
  taskIdsFromNotification,
} from '@/lib/reminders/notification';
import { makeTask } from './fixtures';

const DEAL = '11111111-1111-4111-8111-111111111111';
const CONTACT = '22222222-2222-4222-8222-222222222222';

/** Shows which key and values were asked for, so the tests see the translation calls. */
const t: Translate = (key: NotificationKey, values) =>
  values
    ? `${key}(${Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')})`
    : key;

describe('buildNotification for one task', () => {
  it('opens the Gmail thread on click and offers done and snooze an hour', () => {
    const task = makeTask({ title: 'Send the revised quote to Ana', threadId: '18c2f0a9b7d4e311', accountIndex: 1 });
    const content = buildNotification([task], t);
    expect(content).toEqual({
      id: `sidecar-tasks:${task.id}`,
      title: 'Send the revised quote to Ana',
      message: 'notification_follow_up_due',
      buttons: ['done', 'snooze-hour'],
      buttonTitles: ['notification_done', 'notification_snooze_hour'],
      target: {
        kind: 'thread',
        accountIndex: 1,
        threadId: '18c2f0a9b7d4e311',
        url: 'https://mail.google.com/mail/u/1/#all/18c2f0a9b7d4e311',
      },
    });
  });

  it('shows the first line of the note when there is one', () => {
    const task = makeTask({ note: '  Ask about delivery to Siem Reap\nand the deposit' });
    expect(buildNotification([task], t).message).toBe('Ask about delivery to Siem Reap');
  });

  it('says "no reply yet" for a no-reply task and offers tomorrow rather than an hour', () => {
    const content = buildNotification([makeTask({ kind: 'no-reply', note: 'ignored here' })], t);
    expect(content.message).toBe('notification_no_reply');
    expect(content.buttons).toEqual(['done', 'snooze-tomorrow']);
  });

  it('opens the deal, else the contact, else the task list', () => {
    expect(buildNotification([makeTask({ dealId: DEAL, contactId: CONTACT })], t).target).toEqual({
      kind: 'record',
      entity: 'deal',
      id: DEAL,
    });
    expect(buildNotification([makeTask({ contactId: CONTACT })], t).target).toEqual({
      kind: 'record',
      entity: 'contact',
      id: CONTACT,
    });
    // A thread id without the account index cannot be opened in the right account.
    expect(buildNotification([makeTask({ threadId: 'abc' })], t).target).toEqual({ kind: 'popup' });
  });
});

describe('buildNotification for a summary', () => {
  it('counts the tasks, lists the first titles and opens the task list', () => {
    const group = Array.from({ length: 5 }, (_, i) => makeTask({ title: `Call back ${i + 1}`, dealId: DEAL }));
    const content = buildNotification(group, t);
    expect(content.title).toBe('notification_group_title(count=5)');
    expect(content.message).toBe('Call back 1\nCall back 2\nCall back 3\nnotification_group_more(count=2)');
    expect(content.target).toEqual({ kind: 'popup' });
    // Nothing that closes tasks the rep has not looked at.
    expect(content.buttons).toEqual(['snooze-hour', 'snooze-tomorrow']);
    expect(taskIdsFromNotification(content.id)).toEqual(group.map((task) => task.id));
  });

  it('adds no "more" line when every title is listed', () => {
    const group = [makeTask({ title: 'One' }), makeTask({ title: 'Two' })];
    expect(buildNotification(group, t).message).toBe('One\nTwo');
  });
});

describe('notification helpers', () => {
  it('never asks for more than the two buttons Chrome shows', () => {
    for (const group of [
      [makeTask()],
      [makeTask({ kind: 'no-reply' })],
      [makeTask(), makeTask(), makeTask(), makeTask()],
    ]) {
      expect(buildNotification(group, t).buttons.length).toBeLessThanOrEqual(2);
    }
  });

  it('refuses an empty group', () => {
    expect(() => buildNotification([], t)).toThrow(RangeError);
  });

  it('maps notification ids back to task ids and ignores other notifications', () => {
    const tasks = [makeTask(), makeTask()];
    expect(taskIdsFromNotification(notificationId(tasks))).toEqual(tasks.map((task) => task.id));
    expect(taskIdsFromNotification('weekly-report')).toEqual([]);
  });
});
