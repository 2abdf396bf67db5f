import { beforeEach, describe, expect, it } from 'vitest';
import { newCompanyRecord } from '@/lib/db/companies';
import { newTask } from '@/lib/db/tasks';
import { refusal } from '../refusal';
import { type FakeWorker, fakeWorker, NOW } from '../rpc/fake-worker';

let worker: FakeWorker;

beforeEach(async () => {
  worker = await fakeWorker();
});

describe('backup.replaceConfig and backup.put', () => {
  it('replaces the configuration of an empty profile, announcing every store of it', async () => {
    const [sales] = await worker.call('pipelines.list', {});
    const settings = await worker.call('settings.get', {});
    const pipeline = { ...sales!, name: 'Rice sales' };
    const config = { settings: { ...settings, language: 'km' as const }, pipelines: [pipeline], sources: [], reps: [] };

    await expect(worker.call('backup.replaceConfig', { ...config, propertyDefs: [] })).resolves.toBe(true);
    expect(await worker.call('pipelines.list', {})).toEqual([pipeline]);
    expect(await worker.call('sources.list', {})).toEqual([]);
    expect(worker.effects.changed).toEqual([['settings', 'pipelines', 'sources', 'reps', 'propertyDefs']]);
  });

  it('refuses to replace the configuration of a profile that holds records, announcing nothing', async () => {
    await worker.call('contact.create', { name: 'Dara' });
    const settings = await worker.call('settings.get', {});
    worker.clearEffects();
    const replace = worker.call('backup.replaceConfig', {
      settings,
      pipelines: [],
      sources: [],
      reps: [],
      propertyDefs: [],
    });
    expect((await refusal(replace)).code).toBe('conflict');
    expect(worker.effects.changed).toEqual([]);
  });

  it("announces a chunk's store, a company's people and deals with it, and re-arms reminders for tasks", async () => {
    const company = newCompanyRecord('angkor-trade.com.kh', NOW);
    const companies = await worker.call('backup.put', {
      mode: 'merge',
      chunk: { collection: 'companies', records: [company] },
    });
    expect(companies).toEqual({ written: 1, unchanged: 0, conflicts: [] });
    expect(worker.effects.changed).toEqual([['companies', 'contacts', 'deals']]);
    expect(worker.effects.tasksChanged).toBe(0);

    worker.clearEffects();
    const task = newTask({ title: 'Call back', dueAt: NOW + 86_400_000 }, NOW);
    await worker.call('backup.put', { mode: 'merge', chunk: { collection: 'tasks', records: [task] } });
    expect(worker.effects.changed).toEqual([['tasks']]);
    expect(worker.effects.tasksChanged).toBe(1);

    // The same task again is no newer: nothing is written, so no reminder needs arming.
    worker.clearEffects();
    const again = await worker.call('backup.put', { mode: 'merge', chunk: { collection: 'tasks', records: [task] } });
    expect(again).toEqual({ written: 0, unchanged: 1, conflicts: [] });
    expect(worker.effects.tasksChanged).toBe(0);

    worker.clearEffects();
    await worker.call('backup.put', { mode: 'merge', chunk: { collection: 'propertyDefs', records: [] } });
    expect(worker.effects.changed).toEqual([['propertyDefs']]);
  });
});
