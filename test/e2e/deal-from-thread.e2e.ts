import { demoMailboxHtml } from '../fixtures/gmail';
import { expect, sidebarOf, test } from './harness';

test('a deal created from a thread shows on the board, moves by keyboard, and is won', async ({ ext }) => {
  const gmail = await ext.openGmail(demoMailboxHtml(), '/mail/u/0/#inbox/18e1a2b3c4d5e6f7');
  const sidebar = await sidebarOf(gmail);
  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  const newDeal = card.getByRole('button', { name: 'New deal' });
  await newDeal.click();
  const form = card.getByRole('form', { name: 'New deal' });
  await expect(form.getByLabel('Deal title')).toHaveValue('Quotation: 40ft container Phnom Penh → Sihanoukville');
  // The sidebar is a cross-origin frame, where autofocus is ignored: focus is moved by script, and back on close.
  await expect(form.getByLabel('Deal title')).toBeFocused();
  await form.getByLabel('Amount').fill('4,100,000');
  await form.getByLabel('Currency').selectOption('KHR');
  await form.getByRole('button', { name: 'Create deal' }).click();
  await expect(form).toHaveCount(0);
  await expect(newDeal).toBeFocused();
  await expect(sidebar.getByRole('status')).toContainText('Deal created: Quotation: 40ft container');

  const deal = card.getByRole('listitem', { name: 'Quotation: 40ft container Phnom Penh → Sihanoukville' });
  await expect(deal.getByText('៛4,100,000').first()).toBeVisible();
  await deal.getByRole('combobox').selectOption({ label: 'Qualify (30%)' });
  await expect(deal.getByRole('combobox')).toHaveValue(/.+/);

  // Edit the amount in place; a non-number is refused with the reason.
  await deal.getByRole('button', { name: /edit Amount \(KHR\)$/ }).click();
  await deal.getByRole('textbox', { name: 'Amount (KHR)' }).fill('lots');
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(deal.getByRole('alert')).toContainText('The amount is not a number.');
  await deal.getByRole('textbox', { name: 'Amount (KHR)' }).fill('៤២០០០០០');
  await deal.getByRole('button', { name: 'Save' }).click();
  await expect(deal.getByText('៛4,200,000').first()).toBeVisible();

  const board = await ext.openPage('dashboard.html#/board');
  const cardOnBoard = board.getByRole('button', { name: /Move Quotation: 40ft container/ });
  await expect(
    board.getByRole('region', { name: /Qualify/ }).getByText('Quotation: 40ft container Phnom Penh → Sihanoukville'),
  ).toBeVisible();
  await cardOnBoard.focus();
  await board.keyboard.press('ArrowRight');
  await expect(
    board.getByRole('region', { name: /Demo/ }).getByText('Quotation: 40ft container Phnom Penh → Sihanoukville'),
  ).toBeVisible();

  // Back in Gmail the sidebar shows the new stage without a reload, then the deal is won and leaves "open deals".
  await gmail.bringToFront();
  await expect(deal.getByRole('combobox').locator('option:checked')).toHaveText('Demo (60%)');
  await deal.getByRole('button', { name: 'Won' }).click();
  await deal.getByLabel('Why was it won?').selectOption({ label: 'Fast service' });
  await deal.getByRole('button', { name: 'Mark as won' }).click();
  await expect(card.getByText('No open deals.')).toBeVisible();

  // The toast says so and takes it back.
  const toast = sidebar.getByRole('status');
  await expect(toast).toContainText('marked as won');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(deal.getByRole('combobox').locator('option:checked')).toHaveText('Demo (60%)');
});
