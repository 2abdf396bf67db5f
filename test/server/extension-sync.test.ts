import 'fake-indexeddb/auto';
import { replaceBackupConfig } from '@/lib/backup/store';
import { getSettings, listPipelines, listSources } from '@/lib/db/config';
import { createContact, getContact, updateContact } from '@/lib/db/contacts';
import { createDeal, getDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { searchContacts } from '@/lib/db/search';
import {
  BUILT_IN_KIND_IDS,
  defaultPipeline,
  defaultSources,
  defaultThreadKinds,
  newRecordBase,
  PLAN_ID,
  seedPlanTargets,
  seedTemplates,
} from '@/lib/model';
import { readPlan, saveBudgetLine, savePlanNotes, setOwner } from '@/lib/plan/store';
import type { WorkerServices } from '@/lib/rpc/services';
import { listKinds, newThreadRecord, saveKind, saveThreadRecord, threadRecord } from '@/lib/service/store';
import type { Fetch } from '@/lib/team/client';
import { recordConflicts } from '@/lib/team/conflicts';
import { createTeamHandlers } from '@/lib/team/handlers';
import { TeamRuntime } from '@/lib/team/runtime';
import { readTeam } from '@/lib/team/store';
import { getTemplate, markTemplateUsed, saveTemplate } from '@/lib/templates/store';
import { createTeam } from '@/server/accounts/teams';
import { type Service, startService } from './harness';
import { listen, until } from './sync-client';

/**
 * The extension's side of the team (lib/team: its handlers, runtime and sync rounds over the browser's IndexedDB,
 * here fake-indexeddb) against the real service on real PostgreSQL, over real HTTP: what two reps' browsers do.
 */
let service: Service;
let base: string;
let managerCode: string;

beforeAll(async () => {
  service = await startService({ heartbeatMs: 200 });
  base = await listen(service.app);
  ({
    invite: { code: managerCode },
  } = await createTeam(service.pool, { name: 'Lucky Retail', managerName: 'Dara', managerEmail: 'dara@lucky.kh' }));
});
afterAll(() => service.close());

let opened = 0;

/** A rep's browser: its store, the worker's team runtime and handlers, and a network that can be cut. */
async function browser(name: string) {
  const db: CrmDb = await openCrmDb(`team-${opened++}-${name}`);
  const net = { offline: false, requests: 0, dropAnswers: 0 };
  const fetch: Fetch = async (input, init) => {
    net.requests++;
    if (net.offline) throw new TypeError('fetch failed');
    const response = await globalThis.fetch(input, init);
    // The service did the work, but the answer never came back (the worker was stopped, the Wi-Fi dropped).
    if (net.dropAnswers > 0 && init?.method === 'POST') {
      net.dropAnswers--;
      throw new TypeError('fetch failed');
    }
    return response;
  };
  const changes: string[][] = [];
  const alarms = { set: new Set<string>() };
  const runtime = new TeamRuntime({
    database: async () => db,
    fetch,
    alarms: {
      create: (alarm: string) => alarms.set.add(alarm),
      clear: (alarm: string) => alarms.set.delete(alarm),
      onAlarm: { addListener: () => undefined },
    },
    now: Date.now,
    remoteChanged: (stores) => changes.push(stores),
  });
  const handlers = createTeamHandlers({
    db,
    now: Date.now,
    changed: (stores: string[]) => runtime.written(stores),
    team: runtime,
  } as unknown as WorkerServices);
  const context = { sender: {}, tabId: null, fromContentScript: false };
  return {
    db,
    net,
    changes,
    alarms,
    runtime,
    join: (code: string) => handlers['team.join']({ serverUrl: base, code, deviceName: `${name} laptop` }, context),
    invite: (repName: string) =>
      handlers['team.invite'](
        { role: 'rep', name: repName, email: `${repName.toLowerCase()}@lucky.kh`, expiresInDays: 7 },
        context,
      ),
    status: () => handlers['team.status']({}, context),
    leave: () => handlers['team.leave']({}, context),
    devices: () => handlers['team.devices']({}, context),
    revoke: (deviceId: string) => handlers['team.revokeDevice']({ deviceId }, context),
    conflicts: (id: string) => handlers['team.conflicts']({ entity: 'contacts', id }, context),
    sync: () => runtime.syncNow(),
  };
}

type Browser = Awaited<ReturnType<typeof browser>>;
let dara: Browser;
let sophea: Browser;
let contactId: string;

describe('two reps joined to one team through the real service', () => {
  it('join with invite codes; what each had before joining reaches the other', async () => {
    dara = await browser('dara');
    const before = await createContact(dara.db, { name: 'Sokha Chan', emails: [{ address: 'sokha@nbc.kh' }] }, 1);
    contactId = before.id;
    const joined = await dara.join(managerCode);
    expect(joined).toMatchObject({ joined: true, team: { name: 'Lucky Retail' }, rep: { role: 'manager' } });
    // The manager's first round (started by joining) is through before the rep joins: two browsers joining an empty
    // team at the same moment would both send the records every new browser starts with.
    await dara.sync();
    const invite = await dara.invite('Sophea');
    sophea = await browser('sophea');
    await sophea.join(invite.code);
    await dara.sync();
    await sophea.sync();
    await dara.sync();
    expect((await getContact(sophea.db, contactId))?.name).toBe('Sokha Chan');
    // Found by its address on the other browser too: the index keys are made there.
    expect((await sophea.db.getFromIndex('contacts', 'byEmail', 'sokha@nbc.kh'))?.id).toBe(contactId);
    expect(await dara.status()).toMatchObject({ joined: true, pending: 0, lastError: null });
    expect((await sophea.status()).joined && (await sophea.status())).toMatchObject({
      pending: 0,
      rep: { name: 'Sophea' },
    });
    expect(dara.alarms.set.size).toBe(1);
  });

  it('both edit the same contact offline; on reconnecting they converge and the losing value is kept', async () => {
    dara.net.offline = true;
    sophea.net.offline = true;
    await updateContact(dara.db, contactId, { jobTitle: 'Director', lifecycle: 'customer' }, 2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateContact(sophea.db, contactId, { jobTitle: 'Purchasing manager' }, 3);
    await dara.sync();
    await sophea.sync();
    expect((await dara.status()).joined && (await dara.status())).toMatchObject({
      pending: 1,
      lastError: { code: 'offline' },
    });

    dara.net.offline = false;
    sophea.net.offline = false;
    await dara.sync();
    await sophea.sync();
    await dara.sync();
    const here = await getContact(dara.db, contactId);
    const there = await getContact(sophea.db, contactId);
    expect(here).toEqual(there);
    // The later write wins the field; the other field of the earlier write stays.
    expect(here).toMatchObject({ jobTitle: 'Purchasing manager', lifecycle: 'customer' });
    expect(await dara.conflicts(contactId)).toEqual([
      expect.objectContaining({ field: 'jobTitle', value: 'Director', by: 'Dara', winner: 'Sophea', kept: false }),
    ]);
    expect(await sophea.conflicts(contactId)).toEqual([
      expect.objectContaining({ field: 'jobTitle', value: 'Director', by: 'Dara', winner: 'Sophea', kept: true }),
    ]);
    // Search on each browser finds the contact by the winning title, made from the merged record.
    expect((await searchContacts(dara.db, 'purchasing')).map((c) => c.id)).toEqual([contactId]);
    expect(await searchContacts(dara.db, 'director')).toEqual([]);
  });

  it('pushes a batch whose answer was lost once: the service applies it once and the outbox empties', async () => {
    const pipeline = (await dara.db.getAll('pipelines'))[0]!;
    const deal = await createDeal(
      dara.db,
      { title: 'Fleet tracking', pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id, contactIds: [contactId] },
      4,
    );
    dara.net.dropAnswers = 1;
    await dara.sync();
    expect(await dara.db.count('outbox')).toBe(1);
    await dara.sync();
    expect(await dara.db.count('outbox')).toBe(0);
    await sophea.sync();
    expect((await getDeal(sophea.db, deal.id))?.title).toBe('Fleet tracking');
    const { rows } = await service.pool.query('SELECT count(*)::int AS n FROM records WHERE id = $1', [deal.id]);
    expect(rows[0].n).toBe(1);
  });

  it('a reply template one rep writes and uses reaches the other; the seeds both began with stay one record each', async () => {
    const written = await saveTemplate(
      dara.db,
      {
        ...newRecordBase(10),
        name: 'តារាងតម្លៃ',
        language: 'km',
        kindId: null,
        body: 'ជម្រាបសួរ {{contact.name}}',
        usageCount: 0,
        lastUsedAt: null,
      },
      10,
    );
    await markTemplateUsed(dara.db, written.id, 11);
    await dara.sync();
    await sophea.sync();
    expect(await getTemplate(sophea.db, written.id)).toMatchObject({ body: 'ជម្រាបសួរ {{contact.name}}', usageCount: 1 });
    const seeds = seedTemplates();
    expect(await sophea.db.count('templates')).toBe(seeds.length + 1);
    // Both browsers seeded the same ids with the same values: nothing was overwritten, so no conflict to show.
    const team = (await readTeam(sophea.db))!;
    for (const seed of seeds) expect(await recordConflicts(sophea.db, team, 'templates', seed.id)).toEqual([]);
  });

  it('a complaint target one rep changes and the thread they hold reach the other; the built-in kinds stay one each', async () => {
    const complaint = (await listKinds(dara.db)).find((kind) => kind.builtIn === 'complaint')!;
    await saveKind(dara.db, { ...complaint, targetMinutes: 120 }, 12);
    const held = await saveThreadRecord(
      dara.db,
      {
        ...newThreadRecord({ threadId: '18f0a1b2c3d4e5f6', accountIndex: 0, subject: 'ឆ្នាំងខូច', ownerRepId: null }, 12),
        kindId: complaint.id,
      },
      12,
    );
    await dara.sync();
    await sophea.sync();
    expect((await listKinds(sophea.db)).map((kind) => [kind.builtIn, kind.targetMinutes])).toEqual([
      ['inquiry', 480],
      ['complaint', 120],
      ['other', null],
    ]);
    expect(await threadRecord(sophea.db, '18f0a1b2c3d4e5f6')).toMatchObject({ id: held.id, kindId: complaint.id });
    const team = (await readTeam(sophea.db))!;
    for (const kind of defaultThreadKinds())
      expect(await recordConflicts(sophea.db, team, 'threadKinds', kind.id)).toEqual([]);
  });

  it("the plan one rep budgets and hands out reaches the other, each step's words kept whoever wrote them; the seeded plan and targets stay one each", async () => {
    const complaint = BUILT_IN_KIND_IDS.complaint;
    await savePlanNotes(dara.db, { review: 'Answer complaints the same morning.' }, 13);
    await savePlanNotes(sophea.db, { policy: 'ឆ្លើយបណ្តឹងក្នុង ៤ ម៉ោង' }, 13);
    const line = await saveBudgetLine(
      dara.db,
      {
        ...newRecordBase(13),
        part: 'channels',
        label: 'Facebook ads',
        month: '2026-12',
        currency: 'KHR',
        planned: 400_000,
        spent: 150_000,
        plannedHours: 2,
        spentHours: 1,
      },
      13,
    );
    const owner = await setOwner(dara.db, { part: null, kindId: complaint, repId: null, changedBy: null }, 13);
    await dara.sync();
    await sophea.sync();
    await dara.sync();
    for (const browser of [dara, sophea]) {
      const { plan } = await readPlan(browser.db);
      expect([plan.review, plan.policy]).toEqual(['Answer complaints the same morning.', 'ឆ្លើយបណ្តឹងក្នុង ៤ ម៉ោង']);
    }
    const seen = await readPlan(sophea.db);
    expect(seen.budgetLines).toEqual([line]);
    expect(seen.owners).toEqual([owner]);
    expect(seen.targets.map((target) => target.id).sort()).toEqual(
      seedPlanTargets()
        .map((target) => target.id)
        .sort(),
    );
    const team = (await readTeam(sophea.db))!;
    for (const target of seedPlanTargets())
      expect(await recordConflicts(sophea.db, team, 'planTargets', target.id)).toEqual([]);
    expect(await recordConflicts(sophea.db, team, 'plans', PLAN_ID)).toEqual([]);
  });

  it("hears a teammate's deal on the event stream while a page is open, without waiting for the alarm", async () => {
    await dara.runtime.watch();
    const pipeline = (await sophea.db.getAll('pipelines'))[0]!;
    const deal = await createDeal(
      sophea.db,
      { title: 'Rice order', pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id },
      5,
    );
    const made = Date.now();
    await sophea.sync();
    // The pull commits the deal before it tells open pages, so wait for the telling too.
    const pagesTold = () => dara.changes.some((stores) => stores.includes('deals'));
    await until(async () => (await getDeal(dara.db, deal.id)) !== null && pagesTold(), 5000);
    expect(Date.now() - made).toBeLessThan(5000);
  });

  it('numbers its outbox on from where the service is when the two disagree (seq_gap), and loses nothing', async () => {
    await updateContact(dara.db, contactId, { phones: [{ number: '012 345 678' }] }, 7);
    // As if the service had been restored from a backup taken before this device's last pushes.
    const queued = await dara.db.getAll('outbox');
    const tx = dara.db.transaction(['outbox', 'sync'], 'readwrite');
    await tx.objectStore('outbox').clear();
    for (const mutation of queued) await tx.objectStore('outbox').add({ ...mutation, seq: mutation.seq + 10 });
    const team = (await tx.objectStore('sync').get('team'))!;
    await tx.objectStore('sync').put({ ...team, nextSeq: team.nextSeq + 10 }, 'team');
    await tx.done;
    await dara.sync();
    expect(await dara.status()).toMatchObject({ pending: 0, lastError: null });
    await sophea.sync();
    expect((await getContact(sophea.db, contactId))?.phones).toEqual([{ number: '012 345 678' }]);
  });

  it('a device the manager revoked is refused, and says so', async () => {
    const other = await browser('tablet');
    await other.join((await dara.invite('Vannak')).code);
    const device = (await other.status()).joined ? ((await other.status()) as { deviceId: string }).deviceId : '';
    const devices = await dara.devices();
    expect(devices.map((d) => d.name)).toContain('tablet laptop');
    await dara.revoke(device);
    await other.sync();
    expect(await other.status()).toMatchObject({ lastError: { code: 'unauthorized' } });
  });

  it('leaves the team: the device is revoked, the records stay, nothing more is queued or requested', async () => {
    const result = await sophea.leave();
    expect(result).toEqual({ revoked: true, unsent: 0 });
    expect(await readTeam(sophea.db)).toBeNull();
    expect(sophea.alarms.set.size).toBe(0);
    expect((await getContact(sophea.db, contactId))?.jobTitle).toBe('Purchasing manager');
    const requests = sophea.net.requests;
    await updateContact(sophea.db, contactId, { jobTitle: 'Owner' }, 6);
    await sophea.sync();
    expect(await sophea.db.count('outbox')).toBe(0);
    expect(sophea.net.requests).toBe(requests);
  });
});

/** A new team's first browser, its manager's, joined and synced. */
async function firstOf(team: string, manager: string): Promise<Browser> {
  const email = `${manager.toLowerCase()}@${team.toLowerCase().replace(/\W/g, '')}.kh`;
  const { invite } = await createTeam(service.pool, { name: team, managerName: manager, managerEmail: email });
  const first = await browser(manager.toLowerCase());
  await first.join(invite.code);
  await first.sync();
  return first;
}

describe('a browser joining a team under way', () => {
  it("adopts the team's default pipeline and sources instead of pushing its own, and points its records at them", async () => {
    const kiri = await firstOf('Angkor Tiles', 'Kiri');
    const [teamPipeline] = await listPipelines(kiri.db);
    const teamSources = await listSources(kiri.db);

    const rath = await browser('rath');
    // Written before joining, in this browser's own pipeline and with one of its own sources.
    const [own] = await listPipelines(rath.db);
    const referral = (await listSources(rath.db)).find((source) => source.key === 'referral')!;
    const demo = own!.stages.find((stage) => stage.name === 'Demo')!;
    const deal = await createDeal(rath.db, { title: 'Floor tiles', pipelineId: own!.id, stageId: demo.id }, 10);
    const lead = await createContact(
      rath.db,
      { name: 'Chenda Ly', emails: [{ address: 'chenda@ly.kh' }], sourceId: referral.id },
      11,
    );
    await rath.join((await kiri.invite('Rath')).code);
    await rath.sync();
    await kiri.sync();

    expect((await listPipelines(rath.db)).map((p) => p.id)).toEqual([teamPipeline!.id]);
    expect((await listSources(rath.db)).map((s) => s.id).sort()).toEqual(teamSources.map((s) => s.id).sort());
    expect((await getSettings(rath.db)).defaultPipelineId).toBe(teamPipeline!.id);
    const moved = { pipelineId: teamPipeline!.id, stageId: teamPipeline!.stages.find((s) => s.name === 'Demo')!.id };
    expect(await getDeal(rath.db, deal.id)).toMatchObject(moved);
    expect(await getDeal(kiri.db, deal.id)).toMatchObject(moved);
    const theirReferral = teamSources.find((source) => source.key === 'referral')!.id;
    expect((await getContact(kiri.db, lead.id))?.sourceId).toBe(theirReferral);
    const { rows } = await service.pool.query(
      `SELECT entity, count(*)::int AS n FROM records r JOIN teams t ON t.id = r.team_id
       WHERE t.name = 'Angkor Tiles' AND entity IN ('pipelines', 'sources') GROUP BY entity ORDER BY entity`,
    );
    expect(rows).toEqual([
      { entity: 'pipelines', n: 1 },
      { entity: 'sources', n: teamSources.length },
    ]);
    expect(await rath.status()).toMatchObject({ pending: 0, lastError: null });
  });

  it('keeps and pushes a default the rep changed: it is theirs, not a copy', async () => {
    const mey = await firstOf('Bayon Rice', 'Mey');
    const nita = await browser('nita');
    const [own] = await listPipelines(nita.db);
    await nita.db.put('pipelines', { ...own!, name: 'Wholesale' });
    await nita.join((await mey.invite('Nita')).code);
    await nita.sync();
    await mey.sync();
    expect((await listPipelines(mey.db)).map((p) => p.name).sort()).toEqual(['Sales', 'Wholesale']);
  });
});

describe("restoring a backup's configuration (replace) in a browser of a team", () => {
  it("deletes the team's pipelines and sources the backup lacks as tombstones, so every teammate converges", async () => {
    const sina = await firstOf('Tonle Fish', 'Sina');
    const bopha = await browser('bopha');
    await bopha.join((await sina.invite('Bopha')).code);
    await bopha.sync();
    expect((await listPipelines(bopha.db)).map((p) => p.name)).toEqual(['Sales']);
    const backup = { ...(await getSettings(sina.db)), defaultPipelineId: null };
    const retail = { ...defaultPipeline(20), name: 'Retail' };
    const config = {
      settings: backup,
      pipelines: [retail],
      sources: defaultSources(20).slice(0, 2),
      reps: [],
      propertyDefs: [],
    };
    // Before its first sync is through, a browser may not hold all of the team's configuration: refused.
    const membership = (await sina.db.get('sync', 'team'))!;
    await sina.db.put('sync', { ...membership, cursor: membership.teamVersion - 1 }, 'team');
    await expect(replaceBackupConfig(sina.db, config, 21)).rejects.toThrow(/first sync/);
    await sina.db.put('sync', membership, 'team');

    await replaceBackupConfig(sina.db, config, 21);
    await sina.sync();
    await bopha.sync();
    for (const db of [sina.db, bopha.db]) {
      expect((await listPipelines(db)).map((p) => p.id)).toEqual([retail.id]);
      expect((await listSources(db)).map((s) => s.name)).toEqual(config.sources.map((s) => s.name));
    }
  });
});
