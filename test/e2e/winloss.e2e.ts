import { expect, rpc, test } from './harness';

interface Pipeline {
  id: string;
  stages: { id: string; name: string }[];
}
interface Deal {
  id: string;
  status: string;
  closeReasonId: string | null;
  closeReasonOther: string;
  lostToCompetitorId: string | null;
  competitorIds: string[];
}

test('a deal lost to a competitor, another won for the rep’s own reason, and the analysis of both', async ({ ext }) => {
  const page = await ext.openPage('dashboard.html#/competitors');
  await rpc(page, 'settings.update', { timeZone: 'Asia/Phnom_Penh', defaultCurrency: 'USD' });
  const [pipeline] = await rpc<Pipeline[]>(page, 'pipelines.list', {});
  const qualify = pipeline!.stages[1]!;
  const create = (title: string, amount: number) =>
    rpc<Deal>(page, 'deal.create', {
      title,
      pipelineId: pipeline!.id,
      stageId: qualify.id,
      value: { amount, currency: 'USD' },
    });
  const printers = await create('Printers for the ministry', 120_000);
  const network = await create('Office network', 80_000);

  // The competitor, added on its page.
  await page.getByLabel("Competitor's name").fill('Angkor Office Supply');
  await page.getByLabel('Website').fill('angkor-office.example');
  await page.getByRole('button', { name: 'Add competitor' }).click();
  await expect(page.getByRole('link', { name: 'Angkor Office Supply' })).toBeVisible();

  // On the board: lost, for a listed reason, to that competitor.
  await page.goto(page.url().replace(/#.*$/, '#/board'));
  await page.getByRole('button', { name: 'Mark Printers for the ministry as lost' }).click();
  const lostForm = page.getByRole('form', { name: 'Close Printers for the ministry as lost' });
  await lostForm.getByLabel('Why was it lost?').selectOption({ label: 'Price too high' });
  await lostForm.getByLabel('Lost to which competitor?').selectOption({ label: 'Angkor Office Supply' });
  await lostForm.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(page.getByRole('link', { name: 'Printers for the ministry' })).toHaveCount(0);
  const competitors = await rpc<{ id: string; name: string }[]>(page, 'competitors.list', {});
  const angkor = competitors.find((c) => c.name === 'Angkor Office Supply')!;
  await expect
    .poll(async () =>
      (await rpc<Deal[]>(page, 'deals.forPipeline', { pipelineId: pipeline!.id })).find((d) => d.id === printers.id),
    )
    .toMatchObject({ status: 'lost', lostToCompetitorId: angkor.id, competitorIds: [angkor.id] });

  // On the deal page: the customer also talks to Angkor; won anyway, for a reason in the rep's words.
  await page.goto(page.url().replace(/#.*$/, `#/deal/${network.id}`));
  await page.getByLabel('Add a competitor').selectOption({ label: 'Angkor Office Supply' });
  await expect(page.getByRole('link', { name: 'Angkor Office Supply' })).toBeVisible();
  await page.getByRole('button', { name: 'Won', exact: true }).click();
  const wonForm = page.getByRole('form', { name: 'Close Office network as won' });
  await wonForm.getByLabel('Why was it won?').selectOption({ label: 'Other (in your words)' });
  await wonForm.getByLabel('The reason in your words').fill('ស្គាល់ម្ចាស់ហាង');
  await wonForm.getByRole('button', { name: 'Mark as won' }).click();
  await expect(page.getByText('Won: ស្គាល់ម្ចាស់ហាង')).toBeVisible();

  // The analysis: one won, one lost; against Angkor won one, lost one (to them); the loss stopped at Qualify.
  await page.goto(page.url().replace(/#.*$/, '#/winloss'));
  await expect(page.locator('dl.headline').getByText('50%')).toBeVisible();
  await expect(page.locator('dl.headline').getByText('1 won, 1 lost')).toBeVisible();
  const byCompetitor = page.getByRole('table', { name: 'Against each competitor' });
  await expect(byCompetitor.getByRole('row', { name: /Angkor Office Supply/ })).toContainText(
    /1\s*1\s*1\s*\$1,200\.00\s*50%/,
  );
  const byReason = page.getByRole('table', { name: 'Won and lost by reason' });
  await expect(byReason.getByRole('row', { name: /Price too high/ })).toContainText('$1,200.00');
  await expect(byReason.getByRole('row', { name: /Other: ស្គាល់ម្ចាស់ហាង/ })).toContainText('$800.00');
  const stages = page.getByRole('table', { name: 'Where lost deals stopped' });
  await expect(stages.getByRole('row', { name: /Qualify/ })).toContainText('1');
  const days = page.getByRole('table', { name: 'Days to close' });
  await expect(days.getByRole('row', { name: /Won/ })).toBeAttached();

  // The competitor's page lists both deals, and says which one they took.
  await page.goto(page.url().replace(/#.*$/, `#/competitor/${angkor.id}`));
  await expect(page.getByText('2 deals · we won 1 · they took 1')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Printers for the ministry' })).toContainText(
    'lost to them',
  );
});
