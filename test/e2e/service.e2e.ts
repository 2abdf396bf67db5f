import { gmailMessageIds, gmailPage, type MessageSpec, threadHtml } from '../fixtures/gmail/generate';
import { expect, rpc, sidebarOf, swapGmailMain, test } from './harness';

const rep = { name: 'Dara Kim', email: 'dara@luckyrice.com.kh' };
const customer = { name: 'សុខ ចាន់ធី', email: 'chanthy@mekongmart.com.kh' };
const MINUTE = 60_000;

function message(from: typeof rep, at: number, low: number, body: string[]): MessageSpec {
  const { messageId, legacyId } = gmailMessageIds(at, low);
  return { from, to: [from === rep ? customer : 'me'], time: new Date(at).toUTCString(), body, messageId, legacyId };
}

function threadPage(messages: MessageSpec[]): string {
  const thread = threadHtml(
    {
      subject: 'Rice cooker broken / ឆ្នាំងបាយខូច',
      legacyThreadId: messages[0]!.legacyId!,
      permId: `thread-f:${messages[0]!.messageId.slice(6)}`,
      messages,
    },
    rep,
  );
  return gmailPage({ title: `Inbox - ${rep.email} - Gmail`, account: rep, main: thread });
}

test('a complaint marked in the sidebar shows its deadline, takes a score, and counts in the month’s figures', async ({
  ext,
}) => {
  const popup = await ext.openPage('popup.html');
  // Every hour of every day is working time here, so the deadline does not depend on when the test runs.
  await rpc(popup, 'settings.update', {
    timeZone: 'Asia/Phnom_Penh',
    workingHours: { start: '00:00', end: '00:00', days: [0, 1, 2, 3, 4, 5, 6] },
  });
  await rpc(popup, 'rep.save', {
    id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a7777',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    deletedAt: null,
    name: rep.name,
    email: rep.email,
    accountEmails: [rep.email],
  });

  const asked = Date.now() - 30 * MINUTE;
  const complaint = message(customer, asked, 0x1a2b3, ['The rice cooker you sold us is broken.']);
  const html = threadPage([complaint]);
  const page = await ext.openGmail(html, `/mail/u/0/#inbox/${complaint.legacyId}`);
  const sidebar = await sidebarOf(page);

  // The subject's words make the rules suggest a complaint; one click confirms it.
  await expect(sidebar.getByText('Suggested by your rules: Complaint')).toBeVisible();
  await sidebar.getByRole('button', { name: 'Complaint', exact: true }).click();
  await expect(sidebar.getByRole('button', { name: 'Complaint', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(sidebar.getByText(/^Answer due in 3 h (29|30) min$/)).toBeVisible();
  await expect(sidebar.getByLabel('Owner')).toHaveValue('0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a7777');
  // Its owner is told before the target, by a reminder on the thread.
  const tasks = await rpc<{ title: string; dueAt: number }[]>(popup, 'tasks.open', {});
  expect(tasks.map((task) => task.title)).toEqual([
    'Complaint nearing its answer target: Rice cooker broken / ឆ្នាំងបាយខូច',
  ]);
  expect(tasks[0]!.dueAt).toBe(asked + 3 * 60 * MINUTE);

  // The rep answers; the customer replies to the survey with four stars.
  const answer = message(rep, asked + 20 * MINUTE, 0x2b3c4, ['Sorry! Please rate us from 1 to 5.']);
  const stars = message(customer, asked + 25 * MINUTE, 0x3c4d5, ['★★★★']);
  await swapGmailMain(page, threadPage([complaint, answer, stars]), `#inbox/${complaint.legacyId}`);
  await expect(sidebar.getByText('Answered')).toBeVisible();
  await expect(sidebar.getByText('Their reply gives a score of 4 out of 5.')).toBeVisible();
  await sidebar.getByRole('button', { name: 'Record 4' }).click();
  await expect(sidebar.getByText('Score 4 recorded')).toBeVisible();
  expect(await rpc(popup, 'tasks.open', {})).toEqual([]);
  // A reload shows the thread as first served, the answer folded away: what the record saw stays.
  await page.reload();
  await expect((await sidebarOf(page)).getByText('Answered')).toBeVisible();

  // The manager's view of the month.
  const dashboard = await ext.openPage('dashboard.html#/service');
  await expect(dashboard.getByRole('heading', { name: 'Serving customers on time' })).toBeVisible();
  const byKind = dashboard.getByRole('table', { name: 'First answer · By kind' });
  const row = byKind.getByRole('row', { name: /^Complaint/ });
  await expect(row).toContainText('20 min');
  await expect(row).toContainText('100%');
  const scores = dashboard.getByRole('table', { name: 'Satisfaction · By kind' });
  await expect(scores.getByRole('row', { name: /^Complaint/ })).toContainText('4');
  await expect(dashboard.getByText('No thread is over its target.')).toBeVisible();

  // Kinds and targets are the business's to change.
  await dashboard.getByRole('link', { name: 'Kinds of thread and answer targets' }).click();
  await expect(dashboard.getByRole('heading', { name: 'Complaint' })).toBeVisible();
});
