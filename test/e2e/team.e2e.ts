import { expect, test } from '@playwright/test';
import { type Extension, rpc } from './harness';
import { inviteRep, joinTeam, launchProfiles, startTeamService } from './team-service';

/**
 * Two reps, each in a Chromium profile of their own with the built extension, join one team through the real
 * service on a real PostgreSQL, edit the same contact while offline, and converge with the losing value shown on
 * the record; a deal one makes appears on the other's open board within 5 s.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

interface Contact {
  id: string;
  jobTitle: string;
}
interface Pipeline {
  id: string;
  stages: { id: string; name: string }[];
}

let stack: Awaited<ReturnType<typeof startTeamService>>;
let service: string;
let managerCode: string;
let browsers: Awaited<ReturnType<typeof launchProfiles>>;

let dara: Extension;
let sophea: Extension;

test.beforeAll(async () => {
  // The browsers first: the service answers CORS for the extension's origin, which the browser decides.
  browsers = await launchProfiles(2);
  [dara, sophea] = browsers.exts as [Extension, Extension];
  expect(sophea.id).toBe(dara.id);
  stack = await startTeamService(dara.id);
  ({ url: service, managerCode } = stack);
});

test.afterAll(async () => {
  await browsers?.close();
  await stack?.stop();
});

test('two reps join one team with invite codes from Settings → Team', async () => {
  const settings = await joinTeam(dara, service, managerCode, 'Dara laptop');
  const team = settings.getByRole('region', { name: 'Team', exact: true });
  await joinTeam(sophea, service, await inviteRep(settings, 'Sophea', 'sophea@lucky.kh'), 'Sophea laptop');
  // Sophea's browser adopts the team's pipeline and sources and has nothing of its own to send, so no change tells
  // Dara's page; the next sync does (the open page's own every 20 s, or this button).
  await team.getByRole('button', { name: 'Sync now' }).click();
  await expect(team.getByText('Sophea laptop, Sophea')).toBeVisible({ timeout: 10_000 });
});

test('both edit the same contact offline, reconnect and converge; the losing value shows on the record', async () => {
  const daraPage = await dara.openPage('dashboard.html#/contacts');
  const sopheaPage = await sophea.openPage('dashboard.html#/contacts');
  const contact = await rpc<Contact>(daraPage, 'contact.create', {
    name: 'Sokha Chan',
    emails: [{ address: 'sokha@nbc.gov.kh' }],
    jobTitle: 'Buyer',
  });
  await rpc(daraPage, 'team.syncNow', {});
  await expect
    .poll(async () => (await rpc<Contact | null>(sopheaPage, 'contact.get', { id: contact.id }))?.jobTitle, {
      timeout: 10_000,
    })
    .toBe('Buyer');

  await dara.context.setOffline(true);
  await sophea.context.setOffline(true);
  await rpc(daraPage, 'contact.update', { id: contact.id, patch: { jobTitle: 'Director' } });
  await sopheaPage.waitForTimeout(20);
  await rpc(sopheaPage, 'contact.update', { id: contact.id, patch: { jobTitle: 'Purchasing manager' } });
  await rpc(daraPage, 'team.syncNow', {});
  await rpc(sopheaPage, 'team.syncNow', {});
  const offline = await rpc<{ lastError: { code: string } | null; pending: number }>(daraPage, 'team.status', {});
  expect(offline).toMatchObject({ lastError: { code: 'offline' }, pending: 1 });

  await dara.context.setOffline(false);
  await sophea.context.setOffline(false);
  for (const page of [daraPage, sopheaPage, daraPage]) await rpc(page, 'team.syncNow', {});
  const here = await rpc<Contact>(daraPage, 'contact.get', { id: contact.id });
  const there = await rpc<Contact>(sopheaPage, 'contact.get', { id: contact.id });
  expect(here).toEqual(there);
  expect(here.jobTitle).toBe('Purchasing manager');

  await daraPage.goto(daraPage.url().replace(/#.*$/, `#/contact/${contact.id}`));
  const changed = daraPage.getByRole('region', { name: 'Changed by teammates while apart' });
  await expect(changed).toContainText('Job title: changed by Sophea while you were offline. It was “Director”.');
  await sopheaPage.goto(sopheaPage.url().replace(/#.*$/, `#/contact/${contact.id}`));
  await expect(sopheaPage.getByRole('region', { name: 'Changed by teammates while apart' })).toContainText(
    'Job title: Dara changed this to “Director” while offline; your change was kept.',
  );
  await changed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(changed).toHaveCount(0);
});

test("a deal one rep makes appears on the other's open board within 5 s", async () => {
  const board = await sophea.openPage('dashboard.html#/board');
  const daraPage = await dara.openPage('dashboard.html#/board');
  const [pipeline] = await rpc<Pipeline[]>(daraPage, 'pipelines.list', {});
  // Each browser keeps the default pipeline it was installed with, so Sophea shows Dara's once it has arrived.
  await expect
    .poll(async () => (await rpc<Pipeline[]>(board, 'pipelines.list', {})).some((p) => p.id === pipeline!.id))
    .toBe(true);
  await board.getByRole('combobox', { name: /^Pipeline/ }).selectOption(pipeline!.id);
  await board.waitForTimeout(500);
  const made = Date.now();
  await rpc(daraPage, 'deal.create', {
    title: 'Fleet tracking for NBC',
    pipelineId: pipeline!.id,
    stageId: pipeline!.stages[0]!.id,
  });
  await expect(board.getByRole('link', { name: 'Fleet tracking for NBC' })).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - made).toBeLessThan(5_000);
});
