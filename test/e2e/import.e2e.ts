import { expect, rpc, test } from './harness';

/** As Excel's "CSV UTF-8" writes it: a BOM, CRLF line ends, Khmer headers and names. */
const CSV = [
  'ឈ្មោះ,អ៊ីមែល,ទូរស័ព្ទ,ក្រុមហ៊ុន',
  'សុខ ដារ៉ា,dara@angkor-trade.com.kh,012 345 678,អង្គរ ត្រេដ',
  'ចាន់ សុភា,sophea@mekong.example,,Mekong Rice',
  'Broken Row,not-an-email,,',
].join('\r\n');

interface Found {
  contacts: { name: string }[];
}

test('imports a Khmer CSV through the wizard, shows the contacts, and undoes the import', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/import');
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await page.getByLabel('CSV file').setInputFiles({
    name: 'khmer-contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${CSV}\r\n`, 'utf8'),
  });
  await expect(page.getByText('khmer-contacts.csv: 3 rows, 4 columns', { exact: false })).toBeVisible();

  // Parsed in the Web Worker (the extension's CSP allows it), not on the page thread as a fallback.
  expect(warnings.filter((w) => w.includes('page thread'))).toEqual([]);

  // The Khmer headers are mapped without help, and the preview shows each row as it will be stored.
  await expect(page.getByLabel('Where អ៊ីមែល goes')).toHaveValue('email');
  await expect(page.getByLabel('Where ក្រុមហ៊ុន goes')).toHaveValue('company');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('cell', { name: 'សុខ ដារ៉ា' })).toBeVisible();
  await expect(preview.getByText('"not-an-email"', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Check all rows' }).click();
  const summary = page.locator('.imp-summary');
  await expect(summary).toContainText('New2');
  await expect(summary).toContainText('Invalid1');
  await page.getByRole('button', { name: 'Import (2)' }).click();
  await expect(page.getByText('Import finished: 2 created, 0 updated.')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '3');

  const found = await rpc<Found>(page, 'search.all', { query: 'ដារ៉ា' });
  expect(found.contacts.map((c) => c.name)).toEqual(['សុខ ដារ៉ា']);
  const contacts = await ext.openPage('dashboard.html#/contacts');
  await expect(contacts.getByText('ចាន់ សុភា')).toBeVisible();

  // Undo from the history: the contacts (and the two companies the import created) are gone.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Undo the import of khmer-contacts.csv' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Import undone: 4 records deleted, 0 restored', { exact: false })).toBeVisible();
  await expect(page.getByRole('row', { name: /khmer-contacts\.csv/ })).toContainText('Undone');
  const after = await rpc<Found>(page, 'search.all', { query: 'ដារ៉ា' });
  expect(after.contacts).toEqual([]);
  await contacts.reload();
  await expect(contacts.getByText('Nothing here yet.')).toBeVisible();
  await expect(contacts.getByText('ចាន់ សុភា')).toHaveCount(0);
});

/** A shop's phone list: no email addresses, a row broken, a row repeating another in capitals. */
const PHONE_LIST = [
  'Name,Email,Company,Phone',
  'Bopha Chea,bopha@luckyretail.example,Lucky Retail,012 345 678',
  'Vanna Ouk,,Mekong Rice,097 111 222',
  'Broken Row,not-an-email,Broken Co,',
  'BOPHA CHEA,BOPHA@LuckyRetail.example,Lucky Retail,',
  'សុខ ដារ៉ា,,,011 222 333',
].join('\r\n');

test('the preview shows a broken row as the file has it, and the plan names every row it skips', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/import');
  const choose = (name: string) =>
    page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(PHONE_LIST, 'utf8') });
  await choose('phone-list.csv');
  const preview = page.getByRole('region', { name: 'Preview' });
  // The invalid row keeps its cells, the one at fault marked, beside the reason.
  const broken = preview.getByRole('row', { name: /Broken Row/ });
  await expect(broken.getByRole('cell', { name: 'not-an-email', exact: true })).toHaveClass(/imp-cell-error/);
  await expect(broken.getByRole('cell', { name: 'Broken Co', exact: true })).toBeVisible();
  await expect(broken).toContainText('"not-an-email" is not an email address');

  await page.getByRole('button', { name: 'Check all rows' }).click();
  const skipped = page.getByRole('region', { name: 'Rows it will not import' });
  await expect(skipped.getByRole('listitem')).toHaveText([
    'Row 3: Email: "not-an-email" is not an email address',
    'Row 4: duplicate of row 1 (same email bopha@luckyretail.example)',
  ]);
  // The capitalised repeat is no longer shown "Ready" in the preview.
  await expect(preview.getByRole('row', { name: /BOPHA CHEA/ })).toContainText('Will be skipped: duplicate of row 1');
  await page.getByRole('button', { name: 'Import (3)' }).click();
  await expect(page.getByText('Import finished: 3 created, 0 updated.')).toBeVisible();

  // The same file again makes no second contact, the ones without an email included.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await choose('phone-list-again.csv');
  await page.getByRole('button', { name: 'Check all rows' }).click();
  const summary = page.locator('.imp-summary');
  await expect(summary).toContainText('New0');
  await expect(summary).toContainText('Skipped4');
  await expect(skipped.getByRole('listitem')).toContainText([
    'Row 1: a contact with email bopha@luckyretail.example already exists',
    'Row 2: a contact with name Vanna Ouk and company Mekong Rice already exists',
  ]);
});
