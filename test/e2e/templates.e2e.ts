import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { expect, rpc, sidebarOf, test } from './harness';

interface Template {
  id: string;
  name: string;
  usageCount: number;
}

const INQUIRY_KM = 'ឆ្លើយតបការសាកសួរ';

test('a rep answers in Khmer from a template: filled from the CRM, typed at the caret of the reply, counted', async ({
  ext,
}) => {
  // The customer of the thread, their company and deal in riel, and the rep of the signed-in account.
  const setup = await ext.openPage('popup.html');
  const company = await rpc<{ id: string }>(setup, 'company.create', { name: 'ក្រុមហ៊ុន មេគង្គ ហ្វ្រេត' });
  const contact = await rpc<{ id: string }>(setup, 'contact.create', {
    name: 'តាន់ មីសែល',
    emails: [{ address: 'michael.tan@mekongfreight.sg' }],
    companyId: company.id,
  });
  const [pipeline] = await rpc<{ id: string; stages: { id: string }[] }[]>(setup, 'pipelines.list', {});
  await rpc(setup, 'deal.create', {
    title: 'ទូរទឹកកក ២ គ្រឿង',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
    value: { amount: 4_100_000, currency: 'KHR' },
    contactIds: [contact.id],
    companyId: company.id,
  });
  const now = Date.now();
  await rpc(setup, 'rep.save', {
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    name: 'លីម សុភា',
    email: 'sophea@mekonghome.com.kh',
    accountEmails: ['sophea@mekonghome.com.kh'],
  });
  await setup.close();

  const page = await ext.openGmail(gmailFixtureHtml('thread-inline-reply'), GMAIL_FIXTURES['thread-inline-reply']);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('region', { name: 'Contact តាន់ មីសែល' })).toBeVisible();
  // The rep marks the thread a complaint: the picker then puts the complaint templates first.
  await sidebar.getByRole('button', { name: 'Complaint' }).click();
  await expect(sidebar.getByRole('button', { name: 'Complaint' })).toHaveAttribute('aria-pressed', 'true');

  // The rep has begun the reply and left the caret in the middle of it.
  const body = page.locator('[contenteditable][role=textbox]');
  await body.click();
  await page.keyboard.type('Before after');
  for (let i = 0; i < 'after'.length; i++) await page.keyboard.press('ArrowLeft');

  await sidebar.getByText('Reply with a template').click();
  const listed = sidebar.locator('.template-list > li');
  await expect(listed.first()).toContainText('· Complaint');
  await expect(listed.nth(1)).toContainText('· Complaint');
  await expect(listed.nth(2)).not.toContainText('· Complaint');
  await sidebar.getByRole('searchbox', { name: 'Search templates' }).fill('សាកសួរ');
  await sidebar.getByRole('button', { name: `Insert ${INQUIRY_KM}` }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: `Inserted “${INQUIRY_KM}”` })).toBeVisible();

  // biome-ignore lint/performance/useDomNodeTextContent: the reply as the rep reads it, each paragraph on its own line
  const text = await body.innerText();
  expect(text.startsWith('Before ជម្រាបសួរ តាន់ មីសែល\n')).toBe(true);
  expect(text).toContain('សម្រាប់ ក្រុមហ៊ុន មេគង្គ ហ្វ្រេត ទូរទឹកកក ២ គ្រឿង មានតម្លៃ ៤,១០០,០០០៛។');
  expect(text).toMatch(/ដោយក្តីគោរព\nលីម សុភាafter$/);
  expect(text).not.toMatch(/undefined|\{\{|\[/);
  // Typed as the rep would: paragraphs the editor made, no markup handed to it.
  expect(await body.locator('div').count()).toBeGreaterThan(5);
  await expect(body.locator('script, img')).toHaveCount(0);

  const dashboard = await ext.openPage('popup.html');
  const templates = await rpc<Template[]>(dashboard, 'templates.list', {});
  expect(templates.find((t) => t.name === INQUIRY_KM)?.usageCount).toBe(1);
});

test('with no reply open the sidebar says so and offers the filled text to copy', async ({ ext }) => {
  const page = await ext.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(page);
  await sidebar.getByRole('button', { name: 'Add Dara Kim' }).click();
  await expect(sidebar.getByRole('region', { name: 'Contact Dara Kim' })).toBeVisible();

  await sidebar.getByText('Reply with a template').click();
  await sidebar.getByRole('button', { name: 'Insert Satisfaction survey' }).click();
  const status = sidebar.getByRole('status').filter({ hasText: 'No reply or compose box is open' });
  await expect(status).toBeVisible();
  await expect(status.getByRole('textbox', { name: 'Filled template' })).toHaveValue(/^Dear Dara,\n\nHow satisfied/);
  await expect(status.getByRole('button', { name: 'Copy' })).toBeVisible();
  // Nothing was used yet: the count waits for the text to go somewhere.
  const dashboard = await ext.openPage('popup.html');
  const templates = await rpc<Template[]>(dashboard, 'templates.list', {});
  expect(templates.find((t) => t.name === 'Satisfaction survey')?.usageCount).toBe(0);
});

test('a manager writes a Khmer template with the field picker and a live preview, then removes one and takes it back', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/templates');
  await expect(page.getByRole('heading', { name: 'Reply templates' })).toBeVisible();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('អរគុណសម្រាប់ការបញ្ជាទិញ');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('km');
  await page.getByRole('combobox', { name: 'Kind of thread' }).selectOption({ label: 'Inquiry' });
  const text = page.getByRole('textbox', { name: 'Text' });
  await text.fill('ជម្រាបសួរ , សូមអរគុណ។ {{contact.nickname}}');
  // The field goes where the cursor is, as typing it would.
  await text.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(10, 10));
  await page.getByRole('combobox', { name: 'Insert a field' }).selectOption('contact.firstName');
  await expect(text).toHaveValue('ជម្រាបសួរ {{contact.firstName}}, សូមអរគុណ។ {{contact.nickname}}');
  await text.press('End');
  await text.pressSequentially(' {{deal.amount}}');

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toHaveText('ជម្រាបសួរ ដារា, សូមអរគុណ។ {{contact.nickname}} ៤,១០០,០០០៛');
  await expect(preview.locator('mark.unknown')).toHaveText('{{contact.nickname}}');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “អរគុណសម្រាប់ការបញ្ជាទិញ”.' })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: 'អរគុណសម្រាប់ការបញ្ជាទិញ' });
  await expect(row).toContainText('Khmer · Inquiry · Used 0 times');

  await page.getByRole('button', { name: 'Remove Satisfaction survey' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Satisfaction survey' })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Satisfaction survey' })).toHaveCount(1);
});
