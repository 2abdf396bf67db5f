import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { type Extension, rpc } from './harness';
import { inviteRep, joinTeam, launchProfiles, startTeamService } from './team-service';

/**
 * Leads from the website: the manager makes a form in the dashboard and copies its snippet; a page served locally
 * carries the snippet; a visitor sends it to the real service; the lead, its source and its follow-up task reach
 * the rep who owns them, in that rep's own browser, through the ordinary sync.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let browsers: Awaited<ReturnType<typeof launchProfiles>>;
let stack: Awaited<ReturnType<typeof startTeamService>>;
let site: Server;
let siteUrl: string;
let snippet = '';
let dara: Extension;
let sophea: Extension;

test.beforeAll(async () => {
  browsers = await launchProfiles(2);
  [dara, sophea] = browsers.exts as [Extension, Extension];
  stack = await startTeamService(dara.id);
  // The business's website: one page, whatever snippet the manager pasted last.
  site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><title>Lucky Retail</title><body><h1>Contact us</h1>${snippet}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  siteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await browsers?.close();
  await stack?.stop();
  site?.close();
});

test('a manager makes a form whose leads go to a rep, and gets its HTML', async () => {
  const settings = await joinTeam(dara, stack.url, stack.managerCode, 'Dara laptop');
  await joinTeam(sophea, stack.url, await inviteRep(settings, 'Sophea', 'sophea@lucky.kh'), 'Sophea laptop');
  const page = await dara.openPage('dashboard.html#/forms');
  await page.getByRole('button', { name: 'New form' }).click();
  const editor = page.getByRole('form', { name: 'Form' });
  await editor.getByLabel('Form name').fill('Contact us');
  await editor.getByRole('button', { name: 'Add a field' }).click();
  const third = editor.getByRole('group', { name: 'Field 3' });
  await expect(third.getByLabel('Fills')).toHaveValue('phone');
  await expect(third.getByLabel('Label in Khmer')).toHaveValue('ទូរស័ព្ទ');
  await editor.getByRole('button', { name: 'Add a field' }).click();
  const fourth = editor.getByRole('group', { name: 'Field 4' });
  await fourth.getByLabel('Fills').selectOption('message');
  await editor.getByRole('checkbox', { name: /^Sophea/ }).check();
  await editor.getByRole('checkbox', { name: /^Dara/ }).uncheck();
  await editor.getByLabel('Websites that may send this form').fill(siteUrl);
  await editor.getByRole('button', { name: 'Save form' }).click();
  const html = page.getByRole('textbox', { name: 'HTML for “Contact us”' });
  await expect(html).toBeVisible();
  snippet = await html.inputValue();
  expect(snippet).toContain(`${stack.url}/v1/public/forms/`);
  await expect(page.getByTestId('form-item')).toContainText('Contact us');
});

test('a visitor sends the form from the website; the lead, its source and its task reach the owner', async () => {
  const visit = await dara.context.newPage();
  await visit.goto(`${siteUrl}/contact?from=ad`);
  await visit.getByLabel('Name').fill('Chan Sopheap');
  await visit.getByLabel('Email').fill('sopheap@angkor.kh');
  await visit.getByLabel('Phone').fill('+855 12 345 678');
  await visit.getByLabel('Message').fill('Please send a quote for 40 tablets.');
  // A person takes some seconds to fill a form; the service refuses one sent faster.
  await visit.waitForTimeout(3200);
  await visit.getByRole('button', { name: 'Send' }).click();
  await expect(visit.getByRole('status')).toHaveText('Thank you: we will be in touch soon.');
  await visit.close();

  const contacts = await sophea.openPage('dashboard.html#/contacts');
  await rpc(contacts, 'team.syncNow', {});
  const lead = contacts.getByRole('link', { name: 'Chan Sopheap' });
  await expect(lead).toBeVisible({ timeout: 10_000 });
  await lead.click();
  await expect(contacts.getByLabel('Source').locator('option:checked')).toHaveText('Website form');
  await expect(contacts.getByText(`${siteUrl}/contact?from=ad`).first()).toBeVisible();
  await contacts.goto(contacts.url().replace(/#.*$/, '#/tasks'));
  await expect(contacts.getByText('Contact us: Chan Sopheap')).toBeVisible();
});

test('the same address sent again adds to the contact rather than making a second', async () => {
  const visit = await dara.context.newPage();
  await visit.goto(`${siteUrl}/pricing`);
  await visit.getByLabel('Name').fill('Sopheap Chan');
  await visit.getByLabel('Email').fill('SOPHEAP@angkor.kh');
  await visit.waitForTimeout(3200);
  await visit.getByRole('button', { name: 'Send' }).click();
  await expect(visit.getByRole('status')).toHaveText('Thank you: we will be in touch soon.');
  const page = await sophea.openPage('dashboard.html#/contacts');
  await rpc(page, 'team.syncNow', {});
  const known = page.getByRole('link', { name: 'Chan Sopheap' });
  await expect(known).toHaveCount(1);
  await known.click();
  await expect(page.getByText(`${siteUrl}/pricing`).first()).toBeVisible({ timeout: 10_000 });
  await page.goto(page.url().replace(/#.*$/, '#/contacts'));
  await expect(page.getByRole('link', { name: 'Chan Sopheap' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Sopheap Chan' })).toHaveCount(0);
});
