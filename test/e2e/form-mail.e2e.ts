import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, test } from './harness';

const NOTICE = [
  'Name: Chan Sopheap',
  'Email: sopheap@angkor.kh',
  'Phone: +855 12 345 678',
  'Company: Angkor Trade Co., Ltd.',
  'Message: Please send a quote for 40 tablets.',
];

/**
 * A form notification in Gmail: the thread's sender is one set in Settings → Form notifications, and the sidebar
 * offers the lead its body names, read from the body lines the content script already sends (no new page reading).
 */
test('a thread from a form sender offers the lead in its message, added in one click as a Website form lead', async ({
  ext,
}) => {
  const setup = await ext.openPage('popup.html');
  await rpc(setup, 'settings.update', { formSenders: ['no-reply@accounts.google.com'] });
  const html = gmailFixtureHtml('single-message').replace(
    '<div>A new sign-in on Linux</div><div>If this was you, you don’t need to do anything.</div>',
    NOTICE.map((line) => `<div>${line}</div>`).join(''),
  );
  expect(html).toContain('Name: Chan Sopheap');
  const page = await ext.openGmail(html, GMAIL_FIXTURES['single-message']);
  const sidebar = await sidebarOf(page);
  const offer = sidebar.getByRole('region', { name: 'Add the lead in this message' });
  await expect(offer).toContainText('Name: Chan Sopheap · Email: sopheap@angkor.kh · Phone: +855 12 345 678');
  await offer.getByRole('button', { name: 'Add the lead' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: 'Chan Sopheap is added as a lead.' })).toBeVisible();

  const found = await rpc<{ contacts: { id: string }[] }>(setup, 'search.all', { query: 'sopheap' });
  const contact = await rpc<{ sourceId: string; lifecycle: string; companyId: string | null }>(setup, 'contact.get', {
    id: found.contacts[0]!.id,
  });
  const sources = await rpc<{ id: string; key: string | null }[]>(setup, 'sources.list', {});
  expect(sources.find((source) => source.id === contact.sourceId)?.key).toBe('website-form');
  expect(contact.lifecycle).toBe('lead');
  expect(contact.companyId).not.toBeNull();

  // Another sender's thread offers nothing.
  await rpc(setup, 'settings.update', { formSenders: ['forms@lucky.kh'] });
  await page.reload();
  const again = await sidebarOf(page);
  await expect(again.getByRole('heading', { name: /People/ })).toBeVisible();
  await expect(again.getByRole('region', { name: 'Add the lead in this message' })).toHaveCount(0);
});
