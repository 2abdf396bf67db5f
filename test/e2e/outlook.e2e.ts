import type { Frame, Page } from '@playwright/test';
import { OUTLOOK_FIXTURES, type OutlookFixtureName, swapTarget } from '../fixtures/outlook';
import { CONVERSATIONS } from '../fixtures/outlook/index';
import { type Extension, expect, openOutlook, rpc, sidebarOf, test } from './harness';

/** Opens a fixture at its address, in a window wide enough for Outlook's three columns and the sidebar. */
async function openFixture(ext: Extension, name: OutlookFixtureName): Promise<Page> {
  const { host, path, html } = OUTLOOK_FIXTURES[name];
  const page = await openOutlook(ext, html, `https://${host}${path}`);
  await page.setViewportSize({ width: 1400, height: 900 });
  return page;
}

/** Outlook opens another conversation by swapping the reading pane alone and moving the list's selection. */
async function openFromList(page: Page, name: 'thread' | 'names-only' | 'khmer') {
  const target = swapTarget(name);
  await page.evaluate(({ convid, pane, path }) => {
    for (const row of document.querySelectorAll('[data-convid]')) {
      row.setAttribute('aria-selected', String(row.getAttribute('data-convid') === convid));
    }
    const main = document.querySelector('main')!;
    main.replaceChildren(...new DOMParser().parseFromString(pane, 'text/html').body.childNodes);
    history.pushState(null, '', path);
  }, target);
}

/** Dara's card: she is a contact once an earlier test of this file has captured her, else captured now. */
async function daraCard(sidebar: Frame) {
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  const add = sidebar.getByRole('button', { name: 'Add Dara Kim' });
  await expect(card.or(add)).toBeVisible();
  if (await add.isVisible()) await add.click();
  await expect(card).toBeVisible();
  return card;
}

const QUOTE_THREAD = `olo:${CONVERSATIONS.quote}`;

interface ActivityView {
  threadId: string;
  timeSource: string;
  messageId: string;
  direction: string;
}
interface TaskView {
  status: string;
  history: { event: string; detail: string }[];
}

test('in Outlook the sidebar docks beside the reading pane, captures a person, and logs the thread', async ({
  ext,
}) => {
  const page = await openFixture(ext, 'thread');
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('dara.kim@angkortrade.com.kh')).toBeVisible();
  await expect(sidebar.getByText('bopha@luckyretail.com.kh')).toBeVisible();
  // The rep is never offered as a contact.
  await expect(sidebar.getByText('sophea@mekonghome.com.kh')).toHaveCount(0);

  // Docked: the reading pane ends where the sidebar begins.
  const pane = await page.locator('main').boundingBox();
  const frame = await page.locator('sidecar-crm-root').boundingBox();
  expect(pane && frame && pane.x + pane.width <= frame.x + 1).toBe(true);
  expect(frame?.width).toBe(340);

  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  await expect(card).toBeVisible();
  // Her signature gave her title.
  await expect(card.getByRole('button', { name: /edit Job title$/ })).toHaveText('Sales Manager, Angkor Trade Co.');

  const popup = await ext.openPage('popup.html');
  const [dara] = (await rpc<{ contacts: { id: string }[] }>(popup, 'search.all', { query: 'dara' })).contacts;
  await expect
    .poll(async () => (await rpc<ActivityView[]>(popup, 'activities.forContact', { contactId: dara!.id })).length)
    .toBe(2);
  const logged = await rpc<ActivityView[]>(popup, 'activities.forContact', { contactId: dara!.id });
  expect(new Set(logged.map((a) => a.threadId))).toEqual(new Set([QUOTE_THREAD]));
  expect(new Set(logged.map((a) => a.direction))).toEqual(new Set(['inbound', 'outbound']));
  // Their times are the dates Outlook showed, not the moment they were logged.
  expect(logged.map((a) => a.timeSource)).toEqual(['text', 'text']);

  // A reload reads the same messages as the same ones: nothing is logged twice.
  await page.reload();
  await expect((await sidebarOf(page)).getByRole('region', { name: 'Contact Dara Kim' })).toBeVisible();
  await page.waitForTimeout(3500);
  expect(await rpc<ActivityView[]>(popup, 'activities.forContact', { contactId: dara!.id })).toHaveLength(2);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('in Outlook a deal is made from the conversation and moves stage', async ({ ext }) => {
  const page = await openFixture(ext, 'thread');
  const sidebar = await sidebarOf(page);
  const card = await daraCard(sidebar);
  await card.getByRole('button', { name: 'New deal' }).click();
  const form = card.getByRole('form', { name: 'New deal' });
  await expect(form.getByLabel('Deal title')).toHaveValue('Quotation: 40ft container PP → SHV');
  await form.getByLabel('Amount').fill('3,280');
  await form.getByLabel('Currency').selectOption('USD');
  await form.getByRole('button', { name: 'Create deal' }).click();
  const deal = card.getByRole('listitem', { name: 'Quotation: 40ft container PP → SHV' });
  await expect(deal.getByText('$3,280').first()).toBeVisible();
  await deal.getByRole('combobox').selectOption({ label: 'Qualify (30%)' });
  const board = await ext.openPage('dashboard.html#/board');
  await expect(
    board.getByRole('region', { name: /Qualify/ }).getByText('Quotation: 40ft container PP → SHV'),
  ).toBeVisible();
});

test('in Outlook "remind me if no reply" is kept on the conversation and cancels itself on a reply', async ({
  ext,
}) => {
  const page = await openFixture(ext, 'thread');
  const sidebar = await sidebarOf(page);
  const card = await daraCard(sidebar);
  await card.getByRole('button', { name: 'Follow up' }).click();
  await card.getByLabel('Only if they have not replied').check();
  await card.getByRole('button', { name: 'In 3 days' }).click();
  await expect(card.getByText('if no reply')).toBeVisible();

  const popup = await ext.openPage('popup.html');
  const [task] = await rpc<TaskView[]>(popup, 'tasks.forThread', { threadId: QUOTE_THREAD });
  expect(task?.status).toBe('open');

  // Dara answers: Outlook adds her message to the open conversation.
  await page.bringToFront();
  await page.evaluate(() => {
    const messages = [...document.querySelectorAll('main [role=document]')].map((b) => b.parentElement!);
    const reply = messages[0]!.cloneNode(true) as Element;
    const headings = reply.querySelectorAll('[role=heading]');
    // Dated now, as Outlook dates a message that has just arrived (a message dated before the follow-up is no reply).
    const now = new Date();
    const clock = `${now.getHours() % 12 || 12}:${String(now.getMinutes()).padStart(2, '0')} ${now.getHours() < 12 ? 'AM' : 'PM'}`;
    headings[headings.length - 1]!.textContent = `${now.getMonth() + 1}/${now.getDate()}/${now.getFullYear()} ${clock}`;
    reply.querySelector('[role=document]')!.textContent = 'Agreed, please book both.';
    messages.at(-1)!.after(reply);
  });
  await expect
    .poll(async () => (await rpc<TaskView[]>(popup, 'tasks.forThread', { threadId: QUOTE_THREAD }))[0]?.status)
    .toBe('cancelled');
  const [cancelled] = await rpc<TaskView[]>(popup, 'tasks.forThread', { threadId: QUOTE_THREAD });
  expect(cancelled?.history.at(-1)).toMatchObject({
    event: 'cancelled-by-reply',
    detail: 'dara.kim@angkortrade.com.kh',
  });
});

test('a name Outlook shows without its address is said so, completed by the rep or found among contacts', async ({
  ext,
}) => {
  const popup = await ext.openPage('popup.html');
  await rpc(popup, 'contact.create', { name: 'Chea Bopha', emails: [{ address: 'bopha@luckyretail.com.kh' }] });
  const page = await openFixture(ext, 'thread');
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('dara.kim@angkortrade.com.kh')).toBeVisible();

  // Opened from the list: only the reading pane changes.
  await openFromList(page, 'names-only');
  const bopha = sidebar.getByRole('listitem').filter({ hasText: 'Chea Bopha' }).first();
  await expect(bopha.getByText('Address not shown by Outlook')).toBeVisible();
  await expect(sidebar.getByText('dara.kim@angkortrade.com.kh')).toHaveCount(0);
  await bopha.getByRole('button', { name: 'Find Chea Bopha among contacts' }).click();
  await bopha.getByRole('button', { name: 'It is Chea Bopha · bopha@luckyretail.com.kh' }).click();
  await expect(sidebar.getByRole('region', { name: 'Contact Chea Bopha' })).toBeVisible();

  const vannak = sidebar.getByRole('listitem').filter({ hasText: 'Vannak Sok' }).first();
  await vannak.getByLabel('Their email address').fill('not an address');
  await vannak.getByRole('button', { name: 'Use this address' }).click();
  await expect(vannak.getByRole('alert')).toHaveText('That is not an email address.');
  await vannak.getByLabel('Their email address').fill('vannak@phnompenhbuild.com.kh');
  await vannak.getByRole('button', { name: 'Use this address' }).click();
  await sidebar.getByRole('button', { name: 'Add Vannak Sok' }).click();
  await expect(sidebar.getByRole('region', { name: 'Contact Vannak Sok' })).toBeVisible();
  const [vannakContact] = (
    await rpc<{ contacts: { emails: { address: string }[] }[] }>(popup, 'search.all', {
      query: 'vannak',
    })
  ).contacts;
  expect(vannakContact?.emails.map((e) => e.address)).toEqual(['vannak@phnompenhbuild.com.kh']);
});

test('another mailbox is read as that mailbox, and a Khmer Outlook shows its Khmer name', async ({ ext }) => {
  const shared = await openFixture(ext, 'second-mailbox');
  const sidebar = await sidebarOf(shared);
  await expect(sidebar.getByText('dara.kim@angkortrade.com.kh')).toBeVisible();
  await expect(sidebar.getByText('sales@luckyretail.com.kh')).toHaveCount(0);
  const khmer = await openFixture(ext, 'khmer');
  await expect((await sidebarOf(khmer)).getByRole('button', { name: 'Add សុខ ចន្ថា' })).toBeVisible();
});

test('a hostile name in Outlook is shown as text, and nothing of it runs', async ({ ext }) => {
  const page = await openFixture(ext, 'hostile');
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('attacker@evil.example')).toBeVisible();
  await expect(sidebar.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).first()).toBeVisible();
  // A body dressed as Outlook's header adds nobody.
  await expect(sidebar.getByText('fake@evil.example')).toHaveCount(0);
  await expect(sidebar.getByText('Fake Person')).toHaveCount(0);
  expect(await sidebar.evaluate(() => document.querySelector('img[src=x]'))).toBeNull();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
