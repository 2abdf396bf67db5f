import { demoMailboxHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, test } from './harness';

interface TaskView {
  id: string;
  status: string;
  firedAt: number | null;
  history: { event: string; detail: string }[];
}

/** The rep's wall clock `seconds` from now, as the date and time inputs want it, in the settings' time zone. */
async function localInputs(page: import('@playwright/test').Page, seconds: number) {
  const settings = await rpc<{ timeZone: string }>(page, 'settings.get', {});
  return page.evaluate(
    ([zone, ahead]) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
          .formatToParts(Date.now() + ahead * 1000)
          .map((p) => [p.type, p.value]),
      );
      return {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        time: `${parts.hour}:${parts.minute}:${parts.second}`,
      };
    },
    [settings.timeZone, seconds] as const,
  );
}

async function notificationIds(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } })
      .chrome.notifications;
    return Object.keys(await api.getAll());
  });
}

test('a follow-up set from the sidebar fires once, even after Chrome stopped the worker', async ({ ext }) => {
  const gmail = await ext.openGmail(demoMailboxHtml(), '/mail/u/0/#inbox/18e1a2b3c4d5e6f7');
  const sidebar = await sidebarOf(gmail);
  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  await card.getByRole('button', { name: 'Follow up' }).click();

  const page = await ext.openPage('popup.html');
  const { date, time } = await localInputs(page, 12);
  await card.getByLabel('Date').fill(date);
  // The picker offers whole minutes (step 60); this test needs a time seconds away, so it lets the input take seconds.
  await card.getByLabel('Time').evaluate((input) => input.setAttribute('step', '1'));
  await card.getByLabel('Time').fill(time);
  await card.getByRole('button', { name: 'Set reminder' }).click();
  await expect(card.getByText('Follow up with Dara Kim')).toBeVisible();

  const [task] = await rpc<TaskView[]>(page, 'tasks.open', {});
  expect(task?.firedAt).toBeNull();
  await page.close();
  await ext.stopWorker();

  // Chrome wakes the worker for the alarm; the notification is created by the worker it starts.
  const watcher = await ext.openPage('popup.html');
  await expect.poll(() => notificationIds(watcher), { timeout: 45_000 }).toContain(`sidecar-tasks:${task!.id}`);
  const fired = (await rpc<TaskView[]>(watcher, 'tasks.open', {})).find((t) => t.id === task!.id);
  expect(fired?.firedAt).not.toBeNull();
  expect(fired?.history.filter((h) => h.event === 'fired')).toHaveLength(1);

  // A later wake (a browser start, an update) does not fire it again.
  await ext.stopWorker();
  await rpc(watcher, 'ping', {});
  await watcher.waitForTimeout(1500);
  const again = (await rpc<TaskView[]>(watcher, 'tasks.open', {})).find((t) => t.id === task!.id);
  expect(again?.history.filter((h) => h.event === 'fired')).toHaveLength(1);
});

test('"remind me if no reply" cancels itself when the contact replies', async ({ ext }) => {
  const gmail = await ext.openGmail(demoMailboxHtml(), '/mail/u/0/#inbox/18df00aa11bb22cc');
  const sidebar = await sidebarOf(gmail);
  await sidebar.getByRole('button', { name: 'Add ហេង ស្រីមុំ' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact ហេង ស្រីមុំ' });
  await card.getByRole('button', { name: 'Follow up' }).click();
  await card.getByLabel('Only if they have not replied').check();
  await card.getByRole('button', { name: 'In 3 days' }).click();
  await expect(card.getByText('if no reply')).toBeVisible();

  const page = await ext.openPage('popup.html');
  const [task] = await rpc<TaskView[]>(page, 'tasks.forThread', { threadId: '18df00aa11bb22cc' });
  expect(task?.status).toBe('open');

  await gmail.bringToFront();
  await gmail.getByRole('button', { name: 'Simulate a reply' }).click();
  await expect
    .poll(async () => (await rpc<TaskView[]>(page, 'tasks.forThread', { threadId: '18df00aa11bb22cc' }))[0]?.status)
    .toBe('cancelled');
  const [cancelled] = await rpc<TaskView[]>(page, 'tasks.forThread', { threadId: '18df00aa11bb22cc' });
  expect(cancelled?.history.at(-1)).toMatchObject({
    event: 'cancelled-by-reply',
    detail: 'sreymom.heng@phsarthmei-electronics.com.kh',
  });
  await expect(card.getByText('No follow-up set.')).toBeVisible();
});

test('the popup lists due tasks and completes one', async ({ ext }) => {
  const page = await ext.openPage('popup.html');
  await rpc(page, 'task.followUp', { title: 'Send the riel invoice', due: { at: Date.now() - 60_000 } });
  await rpc(page, 'task.followUp', { title: 'Call Bopha about Friday', due: { preset: 'in-3-days' } });
  await page.reload();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  await expect(overdue.getByText('Send the riel invoice')).toBeVisible();
  // The groups' headings come right under the popup's h1, no level skipped.
  await expect(overdue.getByRole('heading', { level: 2 })).toHaveText(/^Overdue \(\d+\)$/);
  await expect(page.getByRole('region', { name: 'Upcoming' }).getByText('Call Bopha about Friday')).toBeVisible();
  await overdue.getByRole('button', { name: 'Mark Send the riel invoice done' }).click();
  await expect(page.getByText('Send the riel invoice')).toHaveCount(0);

  // Reschedule inline: a year ahead it stays among the upcoming ones, at the chosen day.
  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  // Each task's Reschedule is named by its task, not three buttons called "Reschedule".
  await upcoming.getByRole('button', { name: 'Reschedule Call Bopha about Friday' }).click();
  const form = upcoming.getByRole('form', { name: 'Reschedule Call Bopha about Friday' });
  const nextYear = new Date().getUTCFullYear() + 1;
  await form.getByLabel('Date').fill(`${nextYear}-03-02`);
  await form.getByLabel('Time').fill('09:30');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(upcoming.getByText(`Mar 2, ${nextYear}`)).toBeVisible();
});

test('held outside working hours, a due follow-up waits without a notification until hours allow it', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/settings');
  const { timeZone } = await rpc<{ timeZone: string }>(page, 'settings.get', {});
  const today = await page.evaluate(
    (zone) => new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: zone }).format(Date.now()),
    timeZone,
  );
  // Every day but today is a working day, so now is outside working hours whatever the clock says.
  for (const day of ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']) {
    await page.getByLabel(day, { exact: true }).setChecked(day !== today);
  }
  await page.getByLabel('Hold reminders outside working hours').check();
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect
    .poll(
      async () =>
        (await rpc<{ quietOutsideWorkingHours?: boolean }>(page, 'settings.get', {})).quietOutsideWorkingHours,
    )
    .toBe(true);

  const task = await rpc<TaskView>(page, 'task.followUp', {
    title: 'Quote for Kampot Pepper',
    due: { at: Date.now() + 2000 },
  });
  // Its alarm is set for the start of the next working day, not the due time, and nothing is shown meanwhile.
  const alarmAt = () =>
    page.evaluate(async (name) => {
      const api = (
        globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number }> } } }
      ).chrome.alarms;
      return (await api.get(name))?.scheduledTime ?? null;
    }, `task:${task.id}`);
  await expect.poll(alarmAt).toBeGreaterThan(Date.now() + 3_600_000);
  await page.waitForTimeout(5000);
  expect(await notificationIds(page)).not.toContain(`sidecar-tasks:${task.id}`);
  const held = (await rpc<TaskView[]>(page, 'tasks.open', {})).find((t) => t.id === task.id);
  expect(held?.firedAt).toBeNull();

  // Quiet off: the held reminder is shown at once.
  await page.getByLabel('Hold reminders outside working hours').uncheck();
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect.poll(() => notificationIds(page), { timeout: 15_000 }).toContain(`sidecar-tasks:${task.id}`);
  await page.getByLabel(today, { exact: true }).check();
  await page.getByRole('button', { name: 'Save working hours' }).click();
});
