import { expect, rpc, test } from './harness';

test('"Email it" on a report opens a Gmail draft to the manager, from the rep’s account, with the report as text', async ({
  ext,
}) => {
  const page = await ext.openPage('dashboard.html#/settings');
  const rep = await rpc<{ id: string }>(page, 'rep.save', {
    id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a5002',
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    name: 'Vannak',
    email: 'vannak@example.com',
    accountEmails: ['vannak@example.com'],
  });
  await rpc(page, 'settings.update', { currentRepId: rep.id, timeZone: 'Asia/Phnom_Penh', defaultCurrency: 'USD' });
  // His mail was last seen in the browser's second signed-in account.
  const contact = await rpc<{ id: string }>(page, 'contact.create', { name: 'Sokha' });
  await rpc(page, 'activity.add', {
    type: 'email',
    contactId: contact.id,
    occurredAt: Date.now() - 60_000,
    repAddress: 'vannak@example.com',
    accountIndex: 1,
  });
  const [pipeline] = await rpc<{ id: string; stages: { id: string }[] }[]>(page, 'pipelines.list', {});
  const deal = await rpc<{ id: string }>(page, 'deal.create', {
    title: 'Hotel linen',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
    value: { amount: 50_000, currency: 'USD' },
  });
  await rpc(page, 'deal.update', { id: deal.id, patch: { status: 'won' } });

  await page.reload();
  await page.getByLabel("Manager's email address").fill('manager@example.com');
  await page.getByRole('region', { name: 'Reports by email' }).getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => (await rpc<{ managerEmail?: string }>(page, 'settings.get', {})).managerEmail)
    .toBe('manager@example.com');

  await page.goto(page.url().replace(/#.*$/, '#/reports'));
  await page.getByRole('button', { name: 'Generate now' }).click();
  await expect(page.getByRole('heading', { name: /Sales report/ })).toBeVisible();
  const opened = ext.context.waitForEvent('page');
  await page.getByRole('button', { name: 'Email it' }).click();
  const draft = await opened;
  await draft.waitForURL(/mail\.google\.com/);
  const url = new URL(draft.url());
  expect(url.pathname).toBe('/mail/u/1/');
  expect(url.searchParams.get('view')).toBe('cm');
  expect(url.searchParams.get('to')).toBe('manager@example.com');
  expect(url.searchParams.get('su')).toMatch(/^Sales report: /);
  const body = url.searchParams.get('body')!;
  expect(body).toMatch(/Deals won: 1/);
  expect(body).toContain('$500.00');
});
