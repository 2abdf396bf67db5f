import type { Frame, Page } from '@playwright/test';
import { gmailFeedXml } from '../fixtures/gmail/feed';
import { listHtml } from '../fixtures/gmail/generate';
import { REP, type ReplyLanguage, type ReplyScene, replyScene } from '../fixtures/gmail/replies';
import { type Extension, expect, rpc, sidebarOf, test } from './harness';

/**
 * A reply the rep never opens still cancels "remind me if no reply": Gmail shows it in the inbox list, or lists it
 * in its unread feed, and the content script passes both to the worker.
 */

interface TaskView {
  status: string;
  history: { event: string; detail: string }[];
}

const FEED = 'https://mail.google.com/mail/u/0/feed/atom';

/** Serves Gmail's unread feed with these entries from now on. */
async function serveFeed(ext: Extension, xml: string) {
  await ext.context.unroute(FEED).catch(() => undefined);
  await ext.context.route(FEED, (route) =>
    route.fulfill({ status: 200, contentType: 'application/atom+xml; charset=utf-8', body: xml }),
  );
}

/** Opens the scene's thread and sets "remind me if no reply" on it from the sidebar, as a rep does. */
async function remindIfNoReply(ext: Extension, scene: ReplyScene): Promise<{ gmail: Page; sidebar: Frame }> {
  const gmail = await ext.openGmail(scene.threadPage(), `/mail/u/0/#inbox/${scene.threadId}`);
  const sidebar = await sidebarOf(gmail);
  const add = sidebar.getByRole('button', { name: `Add ${scene.client.name}` });
  const card = sidebar.getByRole('region', { name: `Contact ${scene.client.name}` });
  await expect(add.or(card)).toBeVisible();
  if (await add.isVisible()) await add.click();
  await card.getByRole('button', { name: 'Follow up' }).click();
  await card.getByLabel('Only if they have not replied').check();
  await card.getByRole('button', { name: 'In 3 days' }).click();
  await expect(card.getByText('if no reply')).toBeVisible();
  return { gmail, sidebar };
}

const taskOf = async (page: Page, scene: ReplyScene) =>
  (await rpc<TaskView[]>(page, 'tasks.forThread', { threadId: scene.threadId }))[0];

for (const language of ['en', 'km'] as ReplyLanguage[]) {
  test(`a reply shown only in the ${language} inbox list cancels "remind me if no reply"`, async ({ ext }) => {
    await serveFeed(ext, gmailFeedXml(REP.email, []));
    const scene = replyScene(language, Date.now());
    const { gmail } = await remindIfNoReply(ext, scene);
    const page = await ext.openPage('popup.html');
    expect((await taskOf(page, scene))?.status).toBe('open');

    // The rep goes back to the inbox, where Gmail has put the conversation on top with the client's reply; the
    // thread itself is not opened again.
    await gmail.bringToFront();
    await gmail.evaluate(
      (rows) => {
        const main = document.querySelector('[role=main]')!;
        (main.querySelector('.a98.iY') as HTMLElement).style.display = 'none';
        main.querySelector('.ae4')?.remove();
        main.insertAdjacentHTML('afterbegin', rows);
        location.hash = '#inbox';
      },
      listHtml([scene.replyRow()]),
    );

    await expect.poll(async () => (await taskOf(page, scene))?.status, { timeout: 10_000 }).toBe('cancelled');
    expect((await taskOf(page, scene))?.history.at(-1)).toMatchObject({
      event: 'cancelled-by-reply',
      detail: scene.client.email,
    });
  });
}

test('a reply listed only in the unread feed cancels it too, on Khmer Gmail', async ({ ext }) => {
  await serveFeed(ext, gmailFeedXml(REP.email, []));
  const scene = replyScene('km', Date.now() - 5 * 60_000);
  await remindIfNoReply(ext, scene);
  const page = await ext.openPage('popup.html');
  expect((await taskOf(page, scene))?.status).toBe('open');

  // The reply comes while the rep reads elsewhere; Gmail opened later shows an inbox that does not list it (another
  // label, or the list not refreshed yet), but its unread feed does.
  await serveFeed(
    ext,
    gmailFeedXml(REP.email, [
      {
        subject: 'Re: សំណើតម្លៃអង្ករ',
        summary: 'យល់ព្រមតាមតម្លៃ',
        thread: scene.threadId,
        at: scene.reply.at,
        low: scene.reply.low,
        from: scene.client,
      },
    ]),
  );
  const fetched = ext.context.waitForEvent('requestfinished', { predicate: (r) => r.url() === FEED });
  await ext.openGmail(scene.listPage(false), '/mail/u/0/#inbox');
  await fetched;
  await expect.poll(async () => (await taskOf(page, scene))?.status, { timeout: 10_000 }).toBe('cancelled');
  expect((await taskOf(page, scene))?.history.at(-1)).toMatchObject({
    event: 'cancelled-by-reply',
    detail: scene.client.email,
  });
});
