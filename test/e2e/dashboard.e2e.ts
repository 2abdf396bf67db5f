import { expect, rpc, test } from './harness';

interface Stage {
  id: string;
  name: string;
}
interface Pipeline {
  id: string;
  stages: Stage[];
}
interface Deal {
  id: string;
  title: string;
  stageId: string;
  status: string;
  custom: Record<string, unknown>;
}

test('a rep moves a deal on the board by keyboard, wins it, and sets a custom property', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/board');
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const [first, second] = pipeline!.stages as [Stage, Stage];
  const deal = await rpc<Deal>(page, 'deal.create', {
    title: 'Solar panels for Angkor Rice Mill',
    pipelineId: pipeline!.id,
    stageId: first.id,
    value: { amount: 4_100_000, currency: 'KHR' },
  });

  // The board re-reads on the worker's change event: no reload needed.
  const firstColumn = page.getByRole('list', { name: first.name, exact: true });
  await expect(firstColumn.getByRole('link', { name: deal.title })).toBeVisible();
  // Riel shows no decimals, and the column converts it with the default rate (4,100 riel to the dollar).
  await expect(firstColumn.getByText('៛4,100,000')).toBeVisible();
  await expect(page.getByText('$1,000.00')).toBeVisible();

  await page.getByRole('button', { name: `Move ${deal.title}` }).focus();
  await page.keyboard.press('ArrowRight');
  const secondColumn = page.getByRole('list', { name: second.name, exact: true });
  await expect(secondColumn.getByRole('link', { name: deal.title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `moved to ${second.name}` })).toBeAttached();
  // Focus follows the card into its new column, so a second arrow press keeps moving it.
  await expect(page.getByRole('button', { name: `Move ${deal.title}` })).toBeFocused();
  await expect
    .poll(async () => (await rpc<Deal[]>(page, 'deals.forPipeline', { pipelineId: pipeline!.id }))[0]?.stageId)
    .toBe(second.id);

  await page.getByRole('button', { name: `Mark ${deal.title} as won` }).click();
  const wonForm = page.getByRole('form', { name: `Close ${deal.title} as won` });
  await wonForm.getByLabel('Why was it won?').selectOption({ label: 'Good price' });
  await wonForm.getByRole('button', { name: 'Mark as won' }).click();
  await expect(page.getByRole('link', { name: deal.title })).toHaveCount(0);
  await expect
    .poll(async () => (await rpc<Deal[]>(page, 'deals.forPipeline', { pipelineId: pipeline!.id }))[0]?.status)
    .toBe('won');

  // A custom property for deals, then set on the deal's page.
  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  const addDealProperty = page.getByRole('form', { name: 'Add a property to Deals' });
  await addDealProperty.getByLabel('Label').fill('Budget code');
  await addDealProperty.getByRole('button', { name: 'Add property' }).click();
  await expect(page.getByText('budget_code')).toBeVisible();

  await page.goto(page.url().replace(/#.*$/, `#/deal/${deal.id}`));
  await page.getByLabel('Budget code').fill('KH-2026-17');
  await page.getByRole('button', { name: 'Save properties' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect
    .poll(async () => (await rpc<Deal[]>(page, 'deals.forPipeline', { pipelineId: pipeline!.id }))[0]?.custom)
    .toEqual({ budget_code: 'KH-2026-17' });
});

test('a number property refuses text on a contact page, naming the field', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const contact = await rpc<{ id: string }>(page, 'contact.create', { name: 'សុខា ចាន់' });
  const addContactProperty = page.getByRole('form', { name: 'Add a property to Contacts' });
  await addContactProperty.getByLabel('Label').fill('Shops');
  await addContactProperty.getByLabel('Type').selectOption('number');
  await addContactProperty.getByRole('button', { name: 'Add property' }).click();
  await expect(page.getByText('shops', { exact: true })).toBeVisible();

  await page.goto(page.url().replace(/#.*$/, `#/contact/${contact.id}`));
  await expect(page.getByRole('heading', { name: 'សុខា ចាន់' })).toBeVisible();
  await page.getByLabel('Shops').fill('many');
  await page.getByRole('button', { name: 'Save properties' }).click();
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await page.getByLabel('Shops').fill('៣');
  await page.getByRole('button', { name: 'Save properties' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const saved = await rpc<{ custom: Record<string, unknown> }>(page, 'contact.get', { id: contact.id });
  expect(saved.custom).toEqual({ shops: 3 });
});

test('switching the language to Khmer shows Khmer labels at once', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/settings');
  await page.getByRole('radio', { name: 'ខ្មែរ' }).check();
  const nav = page.getByRole('navigation', { name: 'ទំព័រផ្ទាំងគ្រប់គ្រង' });
  await expect(nav.getByRole('link', { name: 'ការកំណត់' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'ផ្ទាំងដំណាក់កាលលក់' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  await expect(page).toHaveTitle('ការកំណត់ · Sidecar CRM');
  // Weekday names from our Khmer table: this Chromium's Intl has no Khmer and would write "Mon".
  await expect(page.getByRole('checkbox', { name: 'ច័ន្ទ' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /លេខខ្មែរ/ })).toBeChecked();
  const popup = await ext.openPage('popup.html');
  await expect(popup.locator('html')).toHaveAttribute('lang', 'km');
  // The setting is stored, so a fresh page opens in Khmer too; switch back for the other tests.
  const again = await ext.openPage('dashboard.html#/board');
  await expect(again.getByRole('heading', { name: 'ផ្ទាំងដំណាក់កាលលក់' })).toBeVisible();
  await expect(again).toHaveTitle('ផ្ទាំងដំណាក់កាលលក់ · Sidecar CRM');
  await rpc(again, 'settings.update', { language: 'en' });
});

test('each view names itself in the tab title, a record page by its record', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/');
  await expect(page).toHaveTitle('Home · Sidecar CRM');
  // Text at 14 px, not the 10.5 px Chrome's style for extension pages gives a body.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
  await page.getByRole('navigation', { name: 'Dashboard pages' }).getByRole('link', { name: 'Pipeline board' }).click();
  await expect(page).toHaveTitle('Pipeline board · Sidecar CRM');
  await page.getByRole('navigation', { name: 'Dashboard pages' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page).toHaveTitle('Contacts · Sidecar CRM');
  const contact = await rpc<{ id: string }>(page, 'contact.create', { name: 'Sreyleak Pich' });
  await page.goto(page.url().replace(/#.*$/, `#/contact/${contact.id}`));
  await expect(page).toHaveTitle('Sreyleak Pich · Sidecar CRM');
  await page.goBack();
  await expect(page).toHaveTitle('Contacts · Sidecar CRM');
});

test('the contacts table pages, bulk-edits and deletes with undo', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/contacts');
  for (let i = 0; i < 30; i++) {
    await rpc(page, 'contact.create', { name: `Table person ${String(i).padStart(2, '0')}` });
  }
  await page.reload();
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Table person 29' })).toBeVisible();
  await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
  await page.getByRole('button', { name: 'First' }).click();

  await page.getByLabel('Search').fill('person 07');
  await expect(table.getByRole('link')).toHaveText(['Table person 07']);
  await page.getByRole('checkbox', { name: 'Select Table person 07' }).check();
  const bulk = page.getByRole('form', { name: 'Change the selected rows' });
  await expect(bulk.getByText('1 selected')).toBeVisible();
  await bulk.getByRole('combobox').first().selectOption('lifecycle');
  await bulk.getByRole('combobox').nth(1).selectOption('customer');
  await bulk.getByRole('button', { name: 'Apply' }).click();
  await expect(table.getByRole('cell', { name: 'Customer' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(table.getByRole('link', { name: 'Table person 07' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('link', { name: 'Table person 07' })).toBeVisible();
});

test('a rep merges a duplicate from the contact page and undoes it, at once and later', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/contacts');
  const keep = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'សុខ ចាន់ធី',
    emails: [{ address: 'sokha.chan@nbc.gov.kh' }],
  });
  const drop = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'Sokha',
    emails: [{ address: 'sokha.merge@gmail.com' }],
    phones: [{ number: '012 345 678' }],
    jobTitle: 'Buyer',
  });
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const deal = await rpc<Deal>(page, 'deal.create', {
    title: 'Forklifts for Sokha',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
    contactIds: [drop.id],
  });
  const note = await rpc<{ id: string }>(page, 'activity.add', {
    type: 'note',
    occurredAt: Date.now(),
    contactId: drop.id,
    body: 'Met at the Phnom Penh fair',
  });
  const task = await rpc<{ id: string }>(page, 'task.create', {
    title: 'Send the forklift quote',
    dueAt: Date.now() + 86_400_000,
    contactId: drop.id,
  });
  // The stored rows the merge touches, read straight from IndexedDB: undo must give back exactly these.
  const rows = () =>
    page.evaluate(
      async (wanted) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('sidecar-crm');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const out: unknown[] = [];
        for (const [store, id] of wanted) {
          out.push(
            await new Promise((resolve, reject) => {
              const get = db.transaction(store).objectStore(store).get(id);
              get.onsuccess = () => resolve(get.result);
              get.onerror = () => reject(get.error);
            }),
          );
        }
        db.close();
        return out;
      },
      [
        ['contacts', keep.id],
        ['contacts', drop.id],
        ['deals', deal.id],
        ['activities', note.id],
        ['tasks', task.id],
      ] as [string, string][],
    );
  const before = await rows();

  const merge = async () => {
    await page.goto(page.url().replace(/#.*$/, `#/contact/${keep.id}`));
    await page.getByLabel('Merge a duplicate of this person into this contact').fill('sokha.merge');
    await page.getByRole('button', { name: 'Sokha — sokha.merge@gmail.com' }).click();
    await expect(page.getByText('Merge Sokha — sokha.merge@gmail.com into សុខ ចាន់ធី?')).toBeVisible();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Sokha — sokha.merge@gmail.com merged into សុខ ចាន់ធី.');
    // Everything of the duplicate is on the survivor's page now.
    await expect(page.getByRole('link', { name: 'Forklifts for Sokha' })).toBeVisible();
    await expect(page.getByText('Met at the Phnom Penh fair')).toBeVisible();
    await expect(page.getByText('Send the forklift quote')).toBeVisible();
    await expect(page.getByText('sokha.chan@nbc.gov.kh, sokha.merge@gmail.com')).toBeVisible();
  };

  await merge();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Forklifts for Sokha' })).toHaveCount(0);
  await expect.poll(rows).toEqual(before);

  // Merged again and left: the duplicate's old page points to the survivor, whose page can still undo it.
  await merge();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.goto(page.url().replace(/#.*$/, `#/contact/${drop.id}`));
  await page.getByRole('link', { name: 'This contact was merged into សុខ ចាន់ធី.' }).click();
  await expect(page.getByRole('heading', { name: 'សុខ ចាន់ធី' })).toBeVisible();
  const history = page.getByRole('list', { name: 'Merged into this contact' });
  await expect(history).toContainText('Sokha, merged');
  await history.getByRole('button', { name: 'Undo the merge of Sokha' }).click();
  await expect(page.getByRole('status')).toContainText('Sokha is a separate contact again.');
  await expect(history).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Forklifts for Sokha' })).toHaveCount(0);
  await expect.poll(rows).toEqual(before);
});

test("a contact's page offers the record of the same name, written the other way round, for a merge", async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/contacts');
  const vannak = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'Vannak Heng',
    emails: [{ address: 'vannak@mekongfreight.com.kh' }],
  });
  await rpc(page, 'contact.create', { name: 'HENG Vannak', emails: [{ address: 'heng.vannak@gmail.com' }] });
  await page.goto(page.url().replace(/#.*$/, `#/contact/${vannak.id}`));
  const suggestions = page.getByRole('list', { name: 'Possibly the same person' });
  await suggestions
    .getByRole('button', { name: 'Merge HENG Vannak — heng.vannak@gmail.com into this contact…' })
    .click();
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('HENG Vannak — heng.vannak@gmail.com merged into Vannak Heng.');
  await expect(page.getByText('vannak@mekongfreight.com.kh, heng.vannak@gmail.com')).toBeVisible();
  await expect(suggestions).toHaveCount(0);
});

test('the export page downloads the address book, the tasks and a calendar of the open follow-ups', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/export');
  const bopha = await rpc<{ id: string }>(page, 'contact.create', {
    name: 'បុប្ផា ហេង',
    emails: [{ address: 'bopha.heng@angkorfreight.com.kh' }],
  });
  await rpc(page, 'task.create', {
    title: 'Send Bopha the riel price list',
    dueAt: Date.UTC(2027, 0, 5, 2, 0),
    contactId: bopha.id,
  });
  const download = async (button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), text: await readFile((await file.path()) ?? '', 'utf8') };
  };

  const calendar = await download('Download follow-ups (.ics)');
  expect(calendar.name).toMatch(/^sidecar-follow-ups-\d{4}-\d{2}-\d{2}\.ics$/);
  const events = calendar.text.replace(/\r\n /g, '').split('\r\n');
  expect(events[0]).toBe('BEGIN:VCALENDAR');
  const summary = events.indexOf('SUMMARY:Send Bopha the riel price list');
  expect(summary).toBeGreaterThan(0);
  expect(events.slice(summary - 3, summary)).toContain('DTSTART:20270105T020000Z');
  expect(events).toContain('DESCRIPTION:បុប្ផា ហេង — bopha.heng@angkorfreight.com.kh');
  await expect(page.getByText(`${calendar.name} downloaded.`)).toBeVisible();

  const cards = await download('Download contacts (vCard)');
  expect(cards.text).toContain('FN:បុប្ផា ហេង\r\n');
  const tasks = await download('Download Tasks (CSV)');
  expect(tasks.text).toContain('Send Bopha the riel price list');
});
