import { randomUUID } from 'node:crypto';
import { demoMailboxHtml, GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, swapGmailMain, test } from './harness';

const hashOf = (path: string) => path.slice(path.indexOf('#'));

test('a rep sees the people of a thread, captures one in a click, and finds the emails logged', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);

  await expect(sidebar.getByText('Dara.Kim+Quotes@AngkorTrade.com.kh')).toBeVisible();
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  // The rep (shown as "me") is never offered as a contact.
  await expect(sidebar.getByText('sophea@mekonghome.com.kh')).toHaveCount(0);

  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: /edit Company$/ })).toHaveText('Angkor Trade Co., Ltd.');
  // Phones and the last activities are behind More.
  const more = card.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(card.getByRole('button', { name: /edit Phone$/ })).toContainText('+855 12 345 678');
  await expect(card.getByRole('list', { name: 'Last activities' }).getByRole('listitem')).not.toHaveCount(0);

  // Edit in place, with a clear refusal for a bad value.
  await card.getByRole('button', { name: /edit Name$/ }).click();
  await card.getByRole('textbox', { name: 'Name' }).fill('  ');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('alert')).toHaveText('Name is required.');
  await card.getByRole('textbox', { name: 'Name' }).fill('Dara Kim (Angkor Trade)');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(sidebar.getByRole('region', { name: 'Contact Dara Kim (Angkor Trade)' })).toBeVisible();

  await page.reload();
  const again = await sidebarOf(page);
  await expect(again.getByRole('region', { name: 'Contact Dara Kim (Angkor Trade)' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Add Bopha Chea' })).toBeVisible();

  // Revisiting the thread logs nothing twice.
  const dashboard = await ext.openPage('popup.html');
  const found = await rpc<{ contacts: { id: string }[] }>(dashboard, 'search.all', { query: 'dara' });
  const id = found.contacts[0]!.id;
  const activities = await rpc<{ messageId: string; direction: string }[]>(dashboard, 'activities.forContact', {
    contactId: id,
  });
  const ids = activities.map((a) => a.messageId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(activities.map((a) => a.direction))).toEqual(new Set(['inbound', 'outbound']));
  expect(activities).toHaveLength(3);
});

test('a contact card shows the essentials first, the rest behind More, in 14 px text', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  await sidebar.getByRole('button', { name: 'Add Bopha Chea' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: 'Bopha Chea added to your contacts.' })).toBeVisible();
  const card = sidebar.getByRole('region', { name: 'Contact Bopha Chea' });
  // A custom property with a value shows behind More too.
  const popup = await ext.openPage('popup.html');
  const now = Date.now();
  await rpc(popup, 'propertyDef.save', {
    ...{ id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null },
    ...{ entity: 'contact', key: 'shops', label: 'Shops', type: 'number', options: [], required: false, order: 0 },
  });
  const [bopha] = (await rpc<{ contacts: { id: string }[] }>(popup, 'search.all', { query: 'bopha' })).contacts;
  await rpc(popup, 'contact.update', { id: bopha!.id, patch: { custom: { shops: 3 } } });
  await popup.close();
  const company = card.getByRole('button', { name: /edit Company$/ });
  await expect(company).toBeVisible();
  await expect(card.getByRole('combobox', { name: 'Lifecycle stage' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Next follow-up' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Open deals' })).toBeVisible();
  // Chrome's style for extension pages shrinks body text to 75 % (10.5 px); values must read at the labels' size.
  expect(await company.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
  expect(await sidebar.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');

  // More is one choice for every card (an earlier test may have left it open): closed, the rest is out of the way.
  const more = card.getByRole('button', { name: 'More' });
  if ((await more.getAttribute('aria-expanded')) === 'true') await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(card.getByRole('button', { name: /edit Phone$/ })).toHaveCount(0);
  await expect(card.getByRole('combobox', { name: 'Source' })).toHaveCount(0);
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByRole('button', { name: /edit Phone$/ })).toBeVisible();
  await expect(card.getByRole('button', { name: /edit Email addresses$/ })).toHaveText('bopha.chea@luckyretail.com.kh');
  await expect(card.getByRole('combobox', { name: 'Source' })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Last activities' })).toBeVisible();
  await expect(card.getByRole('term')).toHaveText('Shops');
  await expect(card.getByRole('definition')).toHaveText('3');

  // Remembered: a reload opens the card the way the rep left it.
  await page.reload();
  const again = (await sidebarOf(page)).getByRole('region', { name: 'Contact Bopha Chea' });
  await expect(again.getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'true');
  await again.getByRole('button', { name: 'More' }).click();
  await expect(again.getByRole('button', { name: /edit Phone$/ })).toHaveCount(0);
});

test("a known contact's signature offers their empty fields, and nothing is written until the rep adds them", async ({
  ext,
}) => {
  const popup = await ext.openPage('popup.html');
  const chanthy = await rpc<{ id: string; jobTitle: string }>(popup, 'contact.create', {
    name: 'សុខ ចាន់ធី',
    emails: [{ address: 'chanthy.sok@sokha-transport.com.kh' }],
    phones: [{ number: '099 888 777' }],
  });
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  const card = sidebar.getByRole('region', { name: 'Contact សុខ ចាន់ធី' });
  // Her Khmer signature names a title and a company; she has a phone already, so no phone is offered.
  const offer = card.getByText('From their signature:');
  await expect(offer).toHaveText('From their signature: Job title: ប្រធានផ្នែកលក់ · Company: ក្រុមហ៊ុនដឹកជញ្ជូនសុខា');
  expect(await rpc(popup, 'contact.get', { id: chanthy.id })).toMatchObject({ jobTitle: '', companyId: null });

  await card.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await expect(card.getByRole('button', { name: /edit Job title$/ })).toHaveText('ប្រធានផ្នែកលក់');
  await expect(card.getByRole('button', { name: /edit Company$/ })).toHaveText('ក្រុមហ៊ុនដឹកជញ្ជូនសុខា');
  expect(await rpc(popup, 'contact.get', { id: chanthy.id })).toMatchObject({ phones: [{ number: '099 888 777' }] });
});

test('the sidebar follows Gmail to another thread without a reload, and shows a home view in lists', async ({
  ext,
}) => {
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();

  await swapGmailMain(page, gmailFixtureHtml('thread-collapsed'), hashOf(GMAIL_FIXTURES['thread-collapsed']));
  await expect(sidebar.getByText('michael.tan@mekongfreight.sg')).toBeVisible();
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toHaveCount(0);

  await swapGmailMain(page, gmailFixtureHtml('list-inbox'), '#inbox');
  await expect(sidebar.getByRole('heading', { name: "Today's follow-ups" })).toBeVisible();
});

test('a thread opened from another is logged once on screen 3 s, even when the tab is closed right after', async ({
  ext,
}) => {
  const popup = await ext.openPage('popup.html');
  const michael = await rpc<{ id: string }>(popup, 'contact.create', {
    name: 'Michael Tan',
    emails: [{ address: 'michael.tan@mekongfreight.sg' }],
  });
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();

  // The sidebar now has its own line to the content script, so the worker hears of this thread when the page idles.
  await swapGmailMain(page, gmailFixtureHtml('thread-collapsed'), hashOf(GMAIL_FIXTURES['thread-collapsed']));
  await expect(sidebar.getByText('michael.tan@mekongfreight.sg')).toBeVisible();
  // Private first: nothing is logged until the rep has had 3 s to tick "Don't log this thread".
  expect(await rpc<unknown[]>(popup, 'activities.forContact', { contactId: michael.id })).toEqual([]);
  await page.waitForTimeout(3_500);
  await page.close();
  await expect
    .poll(async () => (await rpc<unknown[]>(popup, 'activities.forContact', { contactId: michael.id })).length)
    .toBe(2);
});

test("each tab's sidebar follows its own Gmail tab only", async ({ ext }) => {
  const first = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const firstSidebar = await sidebarOf(first);
  await expect(firstSidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  const second = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const secondSidebar = await sidebarOf(second);
  await expect(secondSidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();

  // Every sidebar hears every tab's content script; only the publishes of its own tab may move it.
  await swapGmailMain(second, gmailFixtureHtml('thread-collapsed'), hashOf(GMAIL_FIXTURES['thread-collapsed']));
  await expect(secondSidebar.getByText('michael.tan@mekongfreight.sg')).toBeVisible();
  await first.waitForTimeout(500);
  await expect(firstSidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  await expect(firstSidebar.getByText('michael.tan@mekongfreight.sg')).toHaveCount(0);
  await second.close();
});

test('back and forward in the mailbox move the sidebar with them', async ({ ext }) => {
  const page = await ext.openGmail(demoMailboxHtml(), '/mail/u/0/#inbox');
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('heading', { name: "Today's follow-ups" })).toBeVisible();
  await page.getByText('Monthly delivery schedule – Lucky Retail').click();
  await expect(sidebar.getByText('michael.tan@mekongfreight.sg')).toBeVisible();
  await page.goBack();
  await expect(sidebar.getByRole('heading', { name: "Today's follow-ups" })).toBeVisible();
  await page.goForward();
  await expect(sidebar.getByText('bopha.chea@luckyretail.com.kh')).toBeVisible();
});

test('a second signed-in account reads its own address as the rep', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('second-account'), GMAIL_FIXTURES['second-account']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('heading', { name: /People in this conversation/ })).toBeVisible();
  await expect(sidebar.getByText('sophea@angkorlogistics.com.kh')).toHaveCount(0);
  // The card of the person added, by name: others in this thread may already be contacts from earlier tests, and
  // "the first card" changes when the new one is drawn above theirs.
  const people = sidebar.getByRole('list', { name: /People in this conversation/ });
  const add = people.getByRole('button', { name: /^Add / }).first();
  const name = ((await add.textContent()) ?? '').replace(/^Add /, '').trim();
  await add.click();
  const card = sidebar.getByRole('region', { name: `Contact ${name}`, exact: true });
  await card.getByRole('button', { name: 'Follow up' }).click();
  await card.getByRole('button', { name: 'In 2 hours' }).click();
  const popup = await ext.openPage('popup.html');
  await expect
    .poll(async () => (await rpc<{ accountIndex: number | null }[]>(popup, 'tasks.open', {}))[0]?.accountIndex)
    .toBe(1);
});

test('a compose window shows the recipients being typed', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('compose-chips'), GMAIL_FIXTURES['compose-chips']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('heading', { name: /People in this conversation/ })).toBeVisible();
  // Earlier tests of this file may have made them all contacts already: people are shown, offered or not.
  const people = sidebar.getByRole('list', { name: /People in this conversation/ });
  await expect(people.getByRole('listitem').first()).toBeVisible();
  // An address typed into Cc, not yet a chip: Gmail mutates nothing, so only the field's input event tells.
  await page
    .getByRole('combobox', { name: 'Cc recipients' })
    .first()
    .pressSequentially('sreymom.chan@angkorprint.com.kh');
  await expect(sidebar.getByText('sreymom.chan@angkorprint.com.kh').first()).toBeVisible();
});

test('hostile names and subjects are shown as text and run nothing', async ({ ext }) => {
  const dialogs: string[] = [];
  const page = await ext.openGmail(gmailFixtureHtml('hostile'), GMAIL_FIXTURES.hostile);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const sidebar = await sidebarOf(page);
  sidebar.page().on('dialog', (d) => dialogs.push(d.message()));
  await expect(sidebar.getByRole('heading', { name: /People in this conversation/ })).toBeVisible();
  await expect(sidebar.getByText('<img src=x onerror=alert(1)>', { exact: false }).first()).toBeVisible();
  const addButtons = sidebar
    .getByRole('list', { name: /People in this conversation/ })
    .getByRole('button', { name: /^Add / });
  const count = await addButtons.count();
  for (let i = 0; i < count; i++) await addButtons.nth(0).click();
  await page.waitForTimeout(500);
  expect(await sidebar.locator('#app img, #app script, #app iframe, #app object').count()).toBe(0);
  expect(await sidebar.evaluate(() => (window as unknown as { pwned?: boolean }).pwned ?? false)).toBe(false);
  const width = await sidebar.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  expect(dialogs).toEqual([]);
});

test('the sidebar folds away with a visible toggle and remembers it', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  await sidebarOf(page);
  const hide = page.getByRole('button', { name: 'Hide the Sidecar CRM sidebar' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.focus();
  await page.keyboard.press('Enter');
  const show = page.getByRole('button', { name: 'Show the Sidecar CRM sidebar' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('sidecar-crm-root iframe')).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the Sidecar CRM sidebar' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the Sidecar CRM sidebar' }).click();
  await expect(page.locator('sidecar-crm-root iframe')).toBeVisible();
});
