import type { Page } from '@playwright/test';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { type Extension, expect, sidebarOf, test } from './harness';

/** Issue #25, point 3: the sidebar docks in Gmail's side-panel column instead of covering the mail. */

const FLOATS = 'Sidecar CRM: no Gmail side panel here, so the sidebar floats over the page';

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
};
const mainColumnWidth = (page: Page) => page.locator('.ar4').evaluate((main) => main.getBoundingClientRect().width);
const frame = (page: Page) => page.locator('sidecar-crm-root iframe');

/**
 * Opens a fixture, noting what the content script says on the console: listened to from the page's creation, since on
 * a loaded machine the content script can speak before the navigation has returned.
 */
async function openGmail(ext: Pick<Extension, 'context' | 'openGmail'>, html: string) {
  const said: string[] = [];
  ext.context.once('page', (page) => page.on('console', (message) => said.push(message.text())));
  const page = await ext.openGmail(html, GMAIL_FIXTURES['thread-expanded']);
  return { page, said };
}

test('the sidebar opens in Gmail’s side-panel column and the mail makes room, covering nothing', async ({ ext }) => {
  const { page, said } = await openGmail(ext, gmailFixtureHtml('thread-expanded'));
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();

  // The toggle sits among Gmail's panel icons.
  const strip = page.getByRole('complementary', { name: 'Side panel' });
  const hide = strip.getByRole('button', { name: 'Hide the Sidecar CRM sidebar' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');

  const docked = await box(page, 'sidecar-crm-root');
  const main = await box(page, '[role=main]');
  const rail = await box(page, '.bAw');
  expect(docked.width).toBe(340);
  expect(main.x + main.width).toBeLessThanOrEqual(docked.x);
  expect(docked.x + docked.width).toBeLessThanOrEqual(rail.x);
  const narrowed = await mainColumnWidth(page);

  // Folded, the columns are as Gmail had them; unfolded, the main column gives the panel's width again.
  await hide.click();
  await expect(frame(page)).toBeHidden();
  expect(await mainColumnWidth(page)).toBe(narrowed + 340);
  await strip.getByRole('button', { name: 'Show the Sidecar CRM sidebar' }).click();
  await expect(frame(page)).toBeVisible();
  expect(await mainColumnWidth(page)).toBe(narrowed);
  expect(said.filter((line) => line.includes('Sidecar CRM'))).toEqual([]);
});

test('compose windows keep clear of the docked sidebar', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('compose-chips'), GMAIL_FIXTURES['compose-chips']);
  await sidebarOf(page);
  await expect(frame(page)).toBeVisible();
  const docked = await box(page, 'sidecar-crm-root iframe');
  const compose = await box(page, '[role=dialog]');
  expect(compose.x + compose.width).toBeLessThanOrEqual(docked.x);
  // Still typed into: nothing of ours lies over it.
  await page.getByRole('combobox', { name: 'Cc recipients' }).first().click();
});

test('Gmail’s Calendar and the sidebar take turns in the column', async ({ ext }) => {
  const { page } = await openGmail(ext, gmailFixtureHtml('thread-expanded'));
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  const calendarIcon = page.getByRole('button', { name: 'Calendar' });
  const calendar = page.getByRole('region', { name: 'Calendar' });

  // The rep opens Calendar: ours steps aside, and Gmail lays the page out for its own panel.
  await calendarIcon.click();
  await expect(calendar).toBeVisible();
  const show = page.getByRole('button', { name: 'Show the Sidecar CRM sidebar' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(frame(page)).toBeHidden();
  const main = await box(page, '[role=main]');
  expect(main.x + main.width).toBeLessThanOrEqual((await box(page, '[role=region][aria-label=Calendar]')).x);

  // The rep opens ours: Gmail's Calendar closes, and the sidebar is back as it was (not reloaded).
  await show.click();
  await expect(calendar).toBeHidden();
  await expect(calendarIcon).toHaveAttribute('aria-pressed', 'false');
  await expect(frame(page)).toBeVisible();
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  const docked = await box(page, 'sidecar-crm-root iframe');
  const after = await box(page, '[role=main]');
  expect(after.x + after.width).toBeLessThanOrEqual(docked.x);

  // Stepping aside is not the rep folding the sidebar: a reload opens it again.
  await calendarIcon.click();
  await expect(frame(page)).toBeHidden();
  await page.reload();
  await sidebarOf(page);
  await expect(frame(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide the Sidecar CRM sidebar' })).toBeVisible();
});

test('without the side-panel column the sidebar floats over the page as before, and says so once', async ({ ext }) => {
  const { page, said } = await openGmail(ext, gmailFixtureHtml('thread-expanded', { sidePanel: false }));
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByText('chanthy.sok@sokha-transport.com.kh')).toBeVisible();
  const floating = await box(page, 'sidecar-crm-root iframe');
  expect(floating.x + floating.width).toBe(page.viewportSize()?.width);
  await page.getByRole('button', { name: 'Hide the Sidecar CRM sidebar' }).click();
  await expect(frame(page)).toBeHidden();
  await page.getByRole('button', { name: 'Show the Sidecar CRM sidebar' }).click();
  await expect(frame(page)).toBeVisible();
  // The content script gives Gmail a moment to build its column before it settles for floating: wait for its word,
  // then make sure it is said only once.
  const ours = () => said.filter((line) => line.includes('Sidecar CRM'));
  await expect.poll(ours, { timeout: 15_000 }).toEqual([FLOATS]);
  await page.waitForTimeout(500);
  expect(ours()).toEqual([FLOATS]);
});

test('the sidebar follows Gmail’s dark theme', async ({ ext }) => {
  const dark = await sidebarOf((await openGmail(ext, gmailFixtureHtml('thread-expanded', { theme: 'dark' }))).page);
  await expect(dark.locator('html')).toHaveAttribute('data-theme', 'dark');
  const light = await sidebarOf((await openGmail(ext, gmailFixtureHtml('thread-expanded'))).page);
  await expect(light.locator('html')).toHaveAttribute('data-theme', 'light');
});
