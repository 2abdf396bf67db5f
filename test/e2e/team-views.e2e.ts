import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '../fixtures/gmail';
import { type Extension, rpc, sidebarOf } from './harness';
import { inviteRep, joinTeam, launchProfiles, startTeamService } from './team-service';

/**
 * The team in the product: a manager (Dara) and a rep (Sophea) in two Chromium profiles with the built extension,
 * joined to one team through the real service. Owners are picked on records in the dashboard and the sidebar, each
 * record says who changed it, the board keeps "Mine", and the Team page shows each its own share of the pipeline,
 * the forecast per rep and month, and overdue follow-ups. A browser alone sees nothing of a team.
 */
test.describe.configure({ mode: 'serial', timeout: 150_000 });

interface Rep {
  id: string;
  name: string;
}
interface Pipeline {
  id: string;
  stages: { id: string; probability: number }[];
}
interface Deal {
  id: string;
  ownerId: string | null;
}

let profiles: Awaited<ReturnType<typeof launchProfiles>>;
let team: Awaited<ReturnType<typeof startTeamService>>;
let dara: Extension;
let sophea: Extension;
let lone: Extension;

test.beforeAll(async () => {
  profiles = await launchProfiles(3);
  [dara, sophea, lone] = profiles.exts as [Extension, Extension, Extension];
  team = await startTeamService(dara.id);
});

test.afterAll(async () => {
  await profiles?.close();
  await team?.stop();
});

const repRecord = (name: string, email: string, accountEmails: string[] = []) => {
  const now = Date.now();
  return { id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null, name, email, accountEmails };
};

async function syncAll(...pages: Page[]) {
  for (const page of [...pages, ...pages]) await rpc(page, 'team.syncNow', {});
}

const usd = (cents: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(Math.round(cents) / 100);

let darasRep: Rep;
let sopheasRep: Rep;
let pipeline: Pipeline;

/** A deal as the worker holds it, read from the open deals of its pipeline. */
async function dealOf(page: Page, id: string): Promise<Deal | undefined> {
  const open = await rpc<Deal[]>(page, 'deals.forPipeline', { pipelineId: pipeline.id });
  return open.find((deal) => deal.id === id);
}
let darasDeal: Deal;

test('a rep owns records, picked in the dashboard and the sidebar, and every record says who changed it', async () => {
  const settings = await joinTeam(dara, team.url, team.managerCode, 'Dara laptop');
  const code = await inviteRep(settings, 'Sophea', 'sophea@lucky.kh');
  const sopheaPage = await joinTeam(sophea, team.url, code, 'Sophea laptop');

  // The CRM's reps, the team's two people; Dara's is also the Gmail account the fixture is signed in as.
  darasRep = await rpc<Rep>(settings, 'rep.save', repRecord('Dara', 'dara@lucky.kh', ['sophea@mekonghome.com.kh']));
  sopheasRep = await rpc<Rep>(settings, 'rep.save', repRecord('Sophea', 'sophea@lucky.kh'));
  await rpc(settings, 'settings.update', { currentRepId: darasRep.id });
  pipeline = (await rpc<Pipeline[]>(settings, 'pipelines.list', {}))[0]!;
  const company = await rpc<{ id: string }>(settings, 'company.create', { name: 'Angkor Trade Co., Ltd.' });
  const contact = await rpc<{ id: string }>(settings, 'contact.create', {
    name: 'Dara Kim',
    emails: [{ address: 'dara.kim+quotes@angkortrade.com.kh' }],
    companyId: company.id,
    ownerId: darasRep.id,
  });
  darasDeal = await rpc<Deal>(settings, 'deal.create', {
    title: 'Solar panels for Angkor Trade',
    pipelineId: pipeline.id,
    stageId: pipeline.stages[1]!.id,
    value: { amount: 1_000_00, currency: 'USD' },
    expectedCloseAt: Date.UTC(2027, 0, 15, 12),
    contactIds: [contact.id],
    ownerId: darasRep.id,
  });
  await syncAll(settings, sopheaPage);
  await expect
    .poll(async () => (await rpc<{ jobTitle: string } | null>(sopheaPage, 'contact.get', { id: contact.id }))?.jobTitle)
    .toBe('');
  await rpc(sopheaPage, 'contact.update', { id: contact.id, patch: { jobTitle: 'Purchasing manager' } });
  await syncAll(sopheaPage, settings);

  // The record page: who changed it last, and its history, a rep a write.
  const page = await dara.openPage(`dashboard.html#/contact/${contact.id}`);
  await expect(page.getByText(/^Changed by Sophea · /)).toBeVisible();
  await page.getByText('History of changes').click();
  const history = page.getByRole('list', { name: 'History of changes' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Sophea changed' })).toContainText(
    'Job title: Purchasing manager',
  );
  await expect(history.getByRole('listitem').filter({ hasText: 'Dara created it' })).toContainText('Owner: Dara');

  // The owner, picked on the deal's page from the team's reps.
  await page.goto(page.url().replace(/#.*$/, `#/deal/${darasDeal.id}`));
  await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Sophea' });
  await expect.poll(async () => (await dealOf(page, darasDeal.id))?.ownerId).toBe(sopheasRep.id);
  await expect(page.getByText(/^Changed by Dara · /)).toBeVisible();

  // The sidebar beside the thread: who changed the contact and the deal, and the deal's owner to pick.
  const gmail = await dara.openGmail(gmailFixtureHtml('thread-expanded'), GMAIL_FIXTURES['thread-expanded']);
  const sidebar = await sidebarOf(gmail);
  const card = sidebar.getByRole('region', { name: 'Contact Dara Kim' });
  await expect(card.getByText(/^Changed by Sophea · /)).toBeVisible();
  const deal = card.getByRole('listitem', { name: 'Solar panels for Angkor Trade' });
  await expect(deal.getByText(/^Changed by Dara · /)).toBeVisible();
  const owner = deal.getByRole('combobox', { name: 'Owner of Solar panels for Angkor Trade' });
  await expect(owner).toHaveValue(sopheasRep.id);
  await owner.selectOption({ label: 'Dara' });
  await expect.poll(async () => (await dealOf(page, darasDeal.id))?.ownerId).toBe(darasRep.id);
  // Behind More, the contact's owner and its company's.
  await card.getByRole('button', { name: 'More' }).click();
  await expect(card.getByRole('combobox', { name: 'Owner', exact: true })).toHaveValue(darasRep.id);
  await card.getByRole('combobox', { name: 'Company owner' }).selectOption({ label: 'Sophea' });
  await expect
    .poll(async () => (await rpc<{ ownerId: string | null }>(page, 'company.get', { id: company.id })).ownerId)
    .toBe(sopheasRep.id);
});

test("the board keeps a rep's choice of their own deals after a reload", async () => {
  const board = await sophea.openPage('dashboard.html#/board');
  await rpc(board, 'deal.create', {
    title: 'Fleet tracking for NBC',
    pipelineId: pipeline.id,
    stageId: pipeline.stages[2]!.id,
    value: { amount: 4_000_000, currency: 'KHR' },
    expectedCloseAt: Date.UTC(2027, 1, 10, 12),
    ownerId: sopheasRep.id,
  });
  await syncAll(board);
  await expect.poll(async () => (await dealOf(board, darasDeal.id))?.ownerId).toBe(darasRep.id);
  await board.reload();
  await board.getByRole('combobox', { name: /^Pipeline/ }).selectOption(pipeline.id);
  await expect(board.getByRole('link', { name: 'Solar panels for Angkor Trade' })).toBeVisible();
  // Sophea's browser never chose a rep: the team's address says which rep she is.
  await board.getByRole('combobox', { name: 'Rep' }).selectOption({ label: 'Mine' });
  await expect(board.getByRole('link', { name: 'Solar panels for Angkor Trade' })).toHaveCount(0);
  await expect(board.getByRole('link', { name: 'Fleet tracking for NBC' })).toBeVisible();

  await board.reload();
  await board.getByRole('combobox', { name: /^Pipeline/ }).selectOption(pipeline.id);
  await expect(board.getByRole('combobox', { name: 'Rep' })).toHaveValue('mine');
  await expect(board.getByRole('link', { name: 'Fleet tracking for NBC' })).toBeVisible();
  await expect(board.getByRole('link', { name: 'Solar panels for Angkor Trade' })).toHaveCount(0);
  // The deals table shares the choice.
  await board.goto(board.url().replace(/#.*$/, '#/deals'));
  await expect(board.getByRole('link', { name: 'Fleet tracking for NBC' })).toBeVisible();
  await expect(board.getByRole('link', { name: 'Solar panels for Angkor Trade' })).toHaveCount(0);
});

test("the Team page shows a manager every rep's pipeline and forecast per month, and a rep their own", async () => {
  const page = await dara.openPage('dashboard.html#/team');
  await syncAll(page);
  await page.reload();
  const rates = (await rpc<{ exchangeRates: Record<string, number> }>(page, 'settings.get', {})).exchangeRates;
  const darasWeighted = 1_000_00 * pipeline.stages[1]!.probability;
  const sopheasRiel = 4_000_000 * pipeline.stages[2]!.probability;

  const forecast = page.getByRole('region', { name: 'Weighted forecast per rep and expected close month' });
  await forecast.getByRole('button', { name: 'Show the numbers' }).click();
  const table = forecast.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Rep', 'Jan 2027', 'Feb 2027', 'Total']);
  await expect(table.getByRole('row', { name: /^Dara/ }).getByRole('cell')).toHaveText([
    usd(darasWeighted),
    '—',
    usd(darasWeighted),
  ]);
  const sopheaRow = table.getByRole('row', { name: /^Sophea/ });
  if (rates.KHR) {
    const inUsd = usd(sopheasRiel * rates.KHR * 100);
    await expect(sopheaRow.getByRole('cell')).toHaveText(['—', inUsd, inUsd]);
  }
  await page.getByRole('combobox', { name: 'Amounts' }).selectOption({ label: 'KHR only' });
  await expect(sopheaRow.getByRole('cell').nth(1)).toContainText(new Intl.NumberFormat('en').format(sopheasRiel));
  await expect(table.getByRole('row', { name: /^Dara/ }).getByRole('cell').nth(0)).toHaveText('—');
  await expect(table.getByRole('row', { name: /^Total/ })).toContainText(
    new Intl.NumberFormat('en').format(sopheasRiel),
  );

  const pipelineFigure = page.getByRole('region', { name: 'Pipeline and weighted forecast per rep' });
  await pipelineFigure.getByRole('button', { name: 'Show the numbers' }).click();
  await expect(pipelineFigure.getByRole('rowheader')).toHaveText(['Dara', 'Sophea', 'No owner']);

  // A rep's own Team page has their line only.
  const own = await sophea.openPage('dashboard.html#/team');
  await expect(own.getByText('Your open deals, what they should bring, and your follow-ups past due.')).toBeVisible();
  const mine = own.getByRole('region', { name: 'Pipeline and weighted forecast per rep' });
  await mine.getByRole('button', { name: 'Show the numbers' }).click();
  await expect(mine.getByRole('rowheader')).toHaveText(['Sophea']);
});

test('a browser alone shows no one else: no "changed by", no history, its own figures', async () => {
  const page = await lone.openPage('dashboard.html#/contacts');
  const contact = await rpc<{ id: string }>(page, 'contact.create', { name: 'Bopha Chea' });
  await rpc(page, 'contact.update', { id: contact.id, patch: { jobTitle: 'Owner' } });
  await page.goto(page.url().replace(/#.*$/, `#/contact/${contact.id}`));
  await expect(page.getByRole('heading', { name: 'Bopha Chea' })).toBeVisible();
  await expect(page.getByText(/Changed by/)).toHaveCount(0);
  await expect(page.getByText('History of changes')).toHaveCount(0);
  await page.goto(page.url().replace(/#.*$/, '#/team'));
  await expect(page.getByText('Your open deals, what they should bring, and your follow-ups past due.')).toBeVisible();
});
