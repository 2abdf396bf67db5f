import type { Page } from '@playwright/test';
import { expect, rpc, test } from './harness';

const order = (page: Page) =>
  page.locator('[data-figure]').evaluateAll((slots) => slots.map((slot) => (slot as HTMLElement).dataset.figure));

test('a rep arranges the dashboard home by keyboard, finds it so after a reload, another rep keeps the default', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/');
  const sophea = await rpc<{ id: string }>(page, 'rep.save', {
    id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a5001',
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    name: 'Sophea',
    email: 'sophea@example.com',
    accountEmails: [],
  });
  await rpc(page, 'settings.update', { currentRepId: sophea.id });
  await page.reload();
  await expect(page.locator('[data-figure]').first()).toBeVisible();
  const defaults = await order(page);
  expect(defaults.slice(0, 3)).toEqual(['headline', 'pipeline', 'forecast']);

  await page.getByRole('button', { name: 'Arrange' }).click();
  const panel = page.getByRole('region', { name: 'Arrange your dashboard' });
  await panel.getByRole('checkbox', { name: 'Show Deals won and lost' }).uncheck();
  await panel.getByRole('checkbox', { name: 'New contacts by source full width' }).check();
  // Overdue tasks to the top, by keyboard: focus stays on the button, so Enter can be pressed again.
  const up = panel.getByRole('button', { name: 'Move Overdue tasks up' });
  await up.focus();
  for (let i = 0; i < defaults.length - 1; i++) await page.keyboard.press('Enter');
  await expect(up).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Move Overdue tasks down' })).toBeFocused();
  await expect(panel.getByRole('status')).toHaveText(`Overdue tasks: position 1 of ${defaults.length}`);
  await page.getByRole('button', { name: 'Done arranging' }).click();
  await expect(panel).toBeHidden();

  const arranged = ['overdue', ...defaults.filter((id) => id !== 'overdue' && id !== 'wonLost')];
  await expect.poll(() => order(page)).toEqual(arranged);
  await page.reload();
  await expect.poll(() => order(page)).toEqual(arranged);
  await expect(page.locator('[data-figure="sources"]')).toHaveClass(/wide/);
  await expect(page.getByRole('heading', { name: 'Deals won and lost' })).toHaveCount(0);

  // Another rep on this browser sees the default, and Sophea's arrangement waits for her.
  await rpc(page, 'settings.update', { currentRepId: null });
  await page.reload();
  await expect.poll(() => order(page)).toEqual(defaults);
  await rpc(page, 'settings.update', { currentRepId: sophea.id });
  await page.reload();
  await expect.poll(() => order(page)).toEqual(arranged);

  // Reset to default.
  await page.getByRole('button', { name: 'Arrange' }).click();
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect.poll(() => order(page)).toEqual(defaults);
  await page.getByRole('button', { name: 'Done arranging' }).click();
  await expect(page.getByRole('region', { name: 'Arrange your dashboard' })).toBeHidden();
  await page.reload();
  await expect.poll(() => order(page)).toEqual(defaults);
});
