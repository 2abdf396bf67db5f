import { expect, rpc, test } from './harness';

interface TaskView {
  id: string;
  dueAt: number;
}

const HOUR = 3_600_000;

/**
 * Where notifications have no buttons (Firefox), their click opens reminder.html#<task ids> (lib/reminders/alarms.ts;
 * the routing is unit-tested). The page works in any browser, so it is tested here opened directly.
 */
test('the reminder page answers a notification without buttons: Done or a snooze for each task, then closes', async ({
  ext,
}) => {
  const setup = await ext.openPage('popup.html');
  const contact = await rpc<{ id: string }>(setup, 'contact.create', { name: 'សុខា ចាន់' });
  const followUp = (title: string, contactId: string | null = null) =>
    rpc<TaskView>(setup, 'task.followUp', { title, due: { at: Date.now() - 60_000 }, contactId });
  const openIds = async () => (await rpc<TaskView[]>(setup, 'tasks.open', {})).map((task) => task.id);

  const quote = await followUp('Send the riel quote', contact.id);
  const page = await ext.openPage(`reminder.html#${quote.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups due' })).toBeVisible();
  const item = page.getByRole('region', { name: 'Send the riel quote' });
  await expect(item.getByRole('link', { name: 'Open' })).toHaveAttribute(
    'href',
    `chrome-extension://${ext.id}/dashboard.html#/contact/${contact.id}`,
  );
  const closed = page.waitForEvent('close');
  await item.getByRole('button', { name: 'Done' }).click();
  await closed;
  expect(await openIds()).not.toContain(quote.id);

  // A summary's page: each task answered on its own, and the page stays until the last has its answer.
  const call = await followUp('Call Dara about the deposit');
  const visit = await followUp('Visit the Siem Reap hotel');
  const both = await ext.openPage(`reminder.html#${call.id},${visit.id}`);
  const asked = Date.now();
  const snooze = (title: string) =>
    both.getByRole('region', { name: title }).getByRole('group', { name: 'Snooze' }).getByRole('button');
  await snooze('Call Dara about the deposit').getByText('In 1 hour').click();
  await expect(both.getByRole('region', { name: 'Call Dara about the deposit' })).toHaveCount(0);
  const bothClosed = both.waitForEvent('close');
  await snooze('Visit the Siem Reap hotel').getByText('Tomorrow morning').click();
  await bothClosed;

  const open = await rpc<TaskView[]>(setup, 'tasks.open', {});
  const dueOf = (id: string) => open.find((task) => task.id === id)?.dueAt ?? 0;
  expect(dueOf(call.id)).toBeGreaterThanOrEqual(asked + HOUR);
  expect(dueOf(call.id)).toBeLessThanOrEqual(Date.now() + HOUR);
  // The next working morning is at least the rest of tonight away.
  expect(dueOf(visit.id)).toBeGreaterThan(Date.now() + 6 * HOUR);

  // Opened again for a task already answered, it says so rather than offering buttons.
  const again = await ext.openPage(`reminder.html#${quote.id}`);
  await expect(again.getByText('These follow-ups are done or snoozed already.')).toBeVisible();
  await expect(again.getByRole('button')).toHaveCount(0);
});
