import { expect, test } from './harness';

const CARD_PAGE = 'https://www.angkortrade.com.kh/team';
const CARD = `<!doctype html><html lang="en"><title>Our team · Angkor Trade</title><body>
<h1>Our team</h1>
<div class="card">
  <p><strong>Sokha Chan</strong><br>Sales Director<br>Angkor Trade Co., Ltd.</p>
  <p>Tel: +855 12 345 678<br><a href="mailto:sokha@angkortrade.com.kh">sokha@angkortrade.com.kh</a></p>
</div>
</body></html>`;

/**
 * Chromium's context menu is drawn by the browser and Playwright cannot click it. The test does the rest for real:
 * it selects the card on a page, then fires the browser's own contextMenus.onClicked event inside the extension's
 * worker (the event object's dispatch runs the listeners the worker registered), with the click data Chromium gives:
 * the selection with its line breaks made spaces, the page's address, and the tab, which activeTab opens to it.
 */
test('Add to Sidecar on a selection opens a contact form filled from it, and saves the contact with its page', async ({
  ext,
}) => {
  const site = await ext.context.newPage();
  await site.route(CARD_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: CARD }));
  await site.goto(CARD_PAGE);
  const selected = await site.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.card')!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  });
  expect(selected).toContain('\n');

  const worker = await ext.worker();
  // The item is there for selections: updating it works, updating an item that does not exist fails.
  const exists = (id: string) =>
    worker.evaluate(
      (menu) =>
        (
          globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }
        ).chrome.contextMenus
          .update(menu, {})
          .then(
            () => true,
            () => false,
          ),
      id,
    );
  await expect.poll(() => exists('sidecar-capture')).toBe(true);
  expect(await exists('no-such-item')).toBe(false);

  const opened = ext.context.waitForEvent('page');
  await worker.evaluate(
    ([text, url]) =>
      (
        globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(...args: unknown[]): void } } } }
      ).chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'sidecar-capture', selectionText: text, pageUrl: url, editable: false },
        { id: 1, index: 0, url, title: 'Our team · Angkor Trade' },
      ),
    [selected.replace(/\s+/g, ' ').trim(), CARD_PAGE] as const,
  );
  const form = await opened;
  const fields = form.getByRole('form', { name: 'New contact from a page' });
  await expect(fields.getByLabel('Name')).toHaveValue('Sokha Chan');
  await expect(fields.getByLabel('Email')).toHaveValue('sokha@angkortrade.com.kh');
  await expect(fields.getByLabel('Phone')).toHaveValue('+855 12 345 678');
  await expect(fields.getByLabel('Job title')).toHaveValue('Sales Director');
  await expect(fields.getByLabel('Company')).toHaveValue('Angkor Trade Co., Ltd.');
  await expect(form.getByText('Read from what you selected on “Our team · Angkor Trade”')).toBeVisible();

  await fields.getByLabel('Job title').fill('Head of Sales');
  await fields.getByRole('button', { name: 'Add contact' }).click();
  await expect(form).toHaveURL(/#\/contact\//);
  await expect(form.getByRole('heading', { name: 'Sokha Chan' })).toBeVisible();
  await expect(form.getByText('Head of Sales').first()).toBeVisible();
  await expect(form.getByRole('link', { name: 'Angkor Trade Co., Ltd.' }).first()).toBeVisible();
  await expect(form.getByText('+855 12 345 678').first()).toBeVisible();
  await expect(form.getByText(CARD_PAGE).first()).toBeVisible();
});
