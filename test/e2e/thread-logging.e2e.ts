import type { Page } from '@playwright/test';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { type Extension, expect, rpc, sidebarOf, swapGmailMain, test } from './harness';

const hashOf = (path: string) => path.slice(path.indexOf('#'));

interface ActivityView {
  messageId: string;
  occurredAt: number;
  timeSource: string | null;
  accountIndex: number | null;
  repId: string | null;
}

/** Every activity row of a thread as stored, tombstones included, read from the store by an extension page. */
function storedRows(page: Page, threadId: string) {
  return page.evaluate(
    (thread) =>
      new Promise<{ id: string; deletedAt: number | null }[]>((resolve, reject) => {
        const open = indexedDB.open('sidecar-crm');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('activities').objectStore('activities').index('byThread').getAll(thread);
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    threadId,
  );
}

async function contact(ext: Extension, name: string, address: string): Promise<{ popup: Page; id: string }> {
  const popup = await ext.openPage('popup.html');
  const created = await rpc<{ id: string }>(popup, 'contact.create', { name, emails: [{ address }] });
  return { popup, id: created.id };
}

const logged = (popup: Page, contactId: string) => rpc<ActivityView[]>(popup, 'activities.forContact', { contactId });

test('a thread ticked "Don\'t log" within 3 s logs nothing, ever', async ({ ext }) => {
  const { popup, id } = await contact(ext, 'សុខ ចាន់ធី', 'chanthy.sok@sokha-transport.com.kh');
  const page = await ext.openGmail(gmailFixtureHtml('thread-khmer'), GMAIL_FIXTURES['thread-khmer']);
  const sidebar = await sidebarOf(page);
  await sidebar.getByRole('checkbox', { name: "Don't log this thread" }).check();
  await page.waitForTimeout(5_000);
  expect(await logged(popup, id)).toEqual([]);
  expect(await storedRows(popup, '18d7711562c5e3a1')).toEqual([]);
});

test('a thread left open is logged after 3 s with the times its ids say; ticking later leaves tombstones', async ({
  ext,
}) => {
  const { popup, id } = await contact(ext, 'Claire Dubois', 'claire.dubois@lyon-textiles.fr');
  const page = await ext.openGmail(gmailFixtureHtml('thread-french'), GMAIL_FIXTURES['thread-french']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('claire.dubois@lyon-textiles.fr')).toBeVisible();
  // Nothing yet: the rep may still say no.
  expect(await logged(popup, id)).toEqual([]);
  await page.waitForTimeout(5_000);
  const activities = await logged(popup, id);
  // Both French messages, each at the millisecond its id holds, whatever the date text's language.
  expect(activities.map((a) => [new Date(a.occurredAt).toISOString(), a.timeSource, a.accountIndex])).toEqual([
    ['2024-03-05T02:02:55.640Z', 'id', 0],
    ['2024-03-04T09:20:08.211Z', 'id', 0],
  ]);

  await sidebar.getByRole('checkbox', { name: "Don't log this thread" }).check();
  await expect.poll(async () => (await logged(popup, id)).length).toBe(0);
  const rows = await storedRows(popup, '18e08c36a139c1f3');
  expect(rows).toHaveLength(2);
  expect(rows.every((row) => row.deletedAt !== null)).toBe(true);
});

test('the rep says once which rep the account is, and the logged mail carries that rep', async ({ ext }) => {
  // Claire, and the French thread she was logged in and taken out of again, are the previous test's.
  const popup = await ext.openPage('popup.html');
  const found = await rpc<{ contacts: { id: string }[] }>(popup, 'search.all', { query: 'claire' });
  const id = found.contacts[0]!.id;
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  const question = sidebar.getByRole('region', { name: 'Which rep is you on this account?' });
  await expect(question).toBeVisible();
  await question.getByRole('textbox', { name: 'Your name (for a new rep)' }).fill('Sophea Lim');
  await question.getByRole('button', { name: 'Add me as a new rep' }).click();
  await expect(question).toHaveCount(0);
  const [rep] = await rpc<{ id: string; name: string; accountEmails: string[] }[]>(popup, 'reps.list', {});
  expect(rep).toMatchObject({ name: 'Sophea Lim', accountEmails: ['sophea@mekonghome.com.kh'] });

  // Unticked, the thread is logged again at once, with the rep.
  await swapGmailMain(page, gmailFixtureHtml('thread-french'), hashOf(GMAIL_FIXTURES['thread-french']));
  await expect(sidebar.getByText('claire.dubois@lyon-textiles.fr')).toBeVisible();
  await sidebar.getByRole('checkbox', { name: "Don't log this thread" }).uncheck();
  await expect.poll(async () => (await logged(popup, id)).map((a) => a.repId)).toEqual([rep!.id, rep!.id]);
  // Asked once: the page loaded afresh (the first thread again) does not ask.
  await page.reload();
  const again = await sidebarOf(page);
  await expect(again.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  await expect(again.getByRole('region', { name: 'Which rep is you on this account?' })).toHaveCount(0);
});
