import type { Frame, Page } from '@playwright/test';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, sidebarOf, swapGmailMain, test } from './harness';

const hashOf = (path: string) => path.slice(path.indexOf('#'));
const CANNOT_READ = /Sidecar cannot read this conversation/;

/** The thread of `thread-expanded` after a Gmail redesign: its classes and id attributes renamed. */
function redesigned(): string {
  return gmailFixtureHtml('thread-expanded')
    .replace(/class="hP"/g, 'class="x9Q"')
    .replace(/class="adn ads"/g, 'class="x7R"')
    .replace(/data-(legacy-thread-id|thread-perm-id|message-id|legacy-message-id)=/g, 'data-x-$1=');
}

/** Errors the page threw, and errors Sidecar printed in it. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /sidecar/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** Records, from now on, whether the sidebar ever shows its home view. */
async function watchForHome(sidebar: Frame) {
  await sidebar.evaluate(() => {
    const seen = window as unknown as { sawHome: boolean };
    seen.sawHome = false;
    new MutationObserver(() => {
      if (document.querySelector('.home')) seen.sawHome = true;
    }).observe(document, { childList: true, subtree: true });
  });
  return () => sidebar.evaluate(() => (window as unknown as { sawHome: boolean }).sawHome);
}

test('a thread whose markup changed shows the notice within 2 s, never the home view; a normal one shows people', async ({
  ext,
}) => {
  const page = await ext.openGmail(gmailFixtureHtml('list-inbox'), GMAIL_FIXTURES['list-inbox']);
  const errors = pageErrors(page);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toHaveCount(0);
  await swapGmailMain(page, gmailFixtureHtml('thread-collapsed'), hashOf(GMAIL_FIXTURES['thread-collapsed']));
  await expect(sidebar.getByText('michael.tan@mekongfreight.sg')).toBeVisible();

  const sawHome = await watchForHome(sidebar);
  await swapGmailMain(page, redesigned(), hashOf(GMAIL_FIXTURES['thread-expanded']));
  await expect(sidebar.getByText(CANNOT_READ)).toBeVisible({ timeout: 2_000 });
  expect(await sawHome()).toBe(false);

  await swapGmailMain(page, gmailFixtureHtml('thread-expanded'), hashOf(GMAIL_FIXTURES['thread-expanded']));
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  await expect(sidebar.getByText(CANNOT_READ)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a thread Gmail draws a moment after the hash changed shows its people and no notice', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('list-inbox'), GMAIL_FIXTURES['list-inbox']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('heading', { name: "Today's follow-ups" })).toBeVisible();
  await sidebar.evaluate(() => {
    const seen = window as unknown as { sawNotice: boolean };
    seen.sawNotice = false;
    new MutationObserver(() => {
      if (/cannot read/.test(document.body.textContent ?? '')) seen.sawNotice = true;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  // The hash first, an empty main, and the conversation 400 ms later, as Gmail does on a slow day.
  await page.evaluate(() => {
    document.querySelector('[role=main]')?.replaceChildren();
    history.pushState(null, '', '#inbox/18d10443a994c1e2');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await page.waitForTimeout(400);
  await swapGmailMain(page, gmailFixtureHtml('thread-expanded'), hashOf(GMAIL_FIXTURES['thread-expanded']));
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(await sidebar.evaluate(() => (window as unknown as { sawNotice: boolean }).sawNotice)).toBe(false);
});

test('the self-test says detection is degraded when it finds no mail view, or no signed-in account', async ({
  ext,
}) => {
  // Gmail's page with its landmark renamed: the adapter has nothing to read in.
  const noMain = gmailFixtureHtml('thread-expanded').replace('role="main"', 'role="region"');
  const page = await ext.openGmail(noMain, GMAIL_FIXTURES['thread-expanded']);
  const errors = pageErrors(page);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText(/find Gmail's mail view on this page, so detection is degraded/)).toBeVisible();

  // The thread reads, but neither the account button nor the title names the account.
  const noAccount = gmailFixtureHtml('thread-expanded')
    .replace(/<a class="gb_d[^>]*>/, '<a class="gb_d">')
    .replace(/ - sophea@mekonghome\.com\.kh - Gmail/, ' - Gmail');
  const second = await ext.openGmail(noAccount, GMAIL_FIXTURES['thread-expanded']);
  const secondErrors = pageErrors(second);
  const secondSidebar = await sidebarOf(second);
  await expect(secondSidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  await expect(
    secondSidebar.getByText(/which account is signed in to this Gmail, so detection is degraded/),
  ).toBeVisible();
  expect([...errors, ...secondErrors]).toEqual([]);
});
