import type { Frame, Page } from '@playwright/test';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, test } from './harness';

// Typed with the keyboard, never filled: `fill` sets the value even in an input that never got focus, which is how
// the sidebar's broken focus went unseen (Chrome ignores `autofocus` in a cross-origin frame such as the sidebar).

interface Contact {
  id: string;
  jobTitle: string;
  phones: { number: string }[];
}

/** Whether the focused element of `where` (a page or the sidebar frame) is a text box. */
const typingInTextbox = (where: Page | Frame) =>
  where.evaluate(() => document.activeElement instanceof HTMLInputElement && document.hasFocus());

test('a sidebar field is edited by mouse and by keyboard, saved with Enter and left with Escape', async ({ ext }) => {
  const gmail = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(gmail);
  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  const jobTitle = card.getByRole('button', { name: /edit Job title$/i });
  await expect(jobTitle).toHaveText('Sales Manager');
  // Named by what it shows first (axe: label-content-name-mismatch), then by what it does.
  await expect(jobTitle).toHaveAccessibleName('Sales Manager, edit Job title');

  // Mouse: the click puts the caret in the input with the old value selected, so typing replaces it.
  await jobTitle.click();
  await expect.poll(() => typingInTextbox(sidebar)).toBe(true);
  await gmail.keyboard.type('Head of Sales');
  await gmail.keyboard.press('Enter');
  await expect(jobTitle).toHaveText('Head of Sales');
  await expect(jobTitle).toBeFocused();

  // Escape leaves the field as it was, and the rep is back on its button.
  await jobTitle.click();
  await expect.poll(() => typingInTextbox(sidebar)).toBe(true);
  await gmail.keyboard.type('Intern');
  await gmail.keyboard.press('Escape');
  await expect(card.getByRole('textbox')).toHaveCount(0);
  await expect(jobTitle).toHaveText('Head of Sales');
  await expect(jobTitle).toBeFocused();

  // Keyboard only: the phone is behind More. Enter opens More, Tab goes on to the phone, Enter opens it, typing
  // replaces the number, Enter saves.
  const more = card.getByRole('button', { name: 'More' });
  await more.focus();
  await gmail.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const phone = card.getByRole('button', { name: /edit Phone$/i });
  await gmail.keyboard.press('Tab');
  await expect(phone).toBeFocused();
  await gmail.keyboard.press('Enter');
  await expect.poll(() => typingInTextbox(sidebar)).toBe(true);
  await gmail.keyboard.type('+855 97 765 4321');
  await gmail.keyboard.press('Enter');
  await expect(phone).toHaveText('+855 97 765 4321');
  await expect(phone).toBeFocused();

  // Saved in the store: a reload of Gmail shows both.
  await gmail.reload();
  const again = await sidebarOf(gmail);
  const reloaded = again.getByRole('region', { name: 'Contact Dara Kim' });
  await expect(reloaded.getByRole('button', { name: /edit Job title$/i })).toHaveText('Head of Sales');
  await expect(reloaded.getByRole('button', { name: /edit Phone$/i })).toHaveText('+855 97 765 4321');
});

test('a record page field is edited the same way on the dashboard', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/contacts');
  const contact = await rpc<Contact>(page, 'contact.create', { name: 'Sokha Chan', jobTitle: 'Buyer' });
  await page.goto(page.url().replace(/#.*$/, `#/contact/${contact.id}`));
  const jobTitle = page.getByRole('button', { name: /edit Job title$/i });
  await expect(jobTitle).toHaveText('Buyer');

  await jobTitle.click();
  await expect.poll(() => typingInTextbox(page)).toBe(true);
  await page.keyboard.type('Head buyer');
  await page.keyboard.press('Enter');
  await expect(jobTitle).toHaveText('Head buyer');
  await expect(jobTitle).toBeFocused();

  await page.keyboard.press('Enter');
  await expect.poll(() => typingInTextbox(page)).toBe(true);
  await page.keyboard.type('Intern');
  await page.keyboard.press('Escape');
  await expect(jobTitle).toHaveText('Head buyer');
  await expect(jobTitle).toBeFocused();

  expect((await rpc<Contact>(page, 'contact.get', { id: contact.id })).jobTitle).toBe('Head buyer');
});
