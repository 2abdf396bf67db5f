import * as activities from '../db/activities';
import { bulkSetDeleted, bulkUpdate, moveStageDeals } from '../db/bulk';
import * as companies from '../db/companies';
import * as config from '../db/config';
import { StoreError } from '../db/errors';
import * as tasks from '../db/tasks';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { dashboardContract } from './contract-records';

/** Stores a change to each entity's records may touch, for the change event open pages re-read on. */
const TOUCHED = {
  contacts: ['contacts'],
  companies: ['companies', 'contacts', 'deals'],
  deals: ['deals'],
} as const;

export function createDashboardHandlers(s: WorkerServices): HandlersOf<typeof dashboardContract> {
  const db = s.db;
  const write = async <T>(stores: readonly string[], work: Promise<T>): Promise<T> => {
    const value = await work;
    s.changed([...stores]);
    return value;
  };

  return {
    'records.bulkUpdate': async ({ entity, ids, patch }) => ({
      updated: await write(TOUCHED[entity], bulkUpdate(db, entity, ids, patch, s.now())),
    }),
    'records.setDeleted': async ({ entity, ids, deleted, links }) =>
      write(TOUCHED[entity], bulkSetDeleted(db, entity, ids, deleted, s.now(), links)),
    'company.create': async (input) => write(['companies'], companies.createCompany(db, input, s.now())),
    'pipeline.delete': async ({ id }) => {
      const pipeline = (await config.listPipelines(db)).find((p) => p.id === id);
      if (!pipeline) throw new StoreError('not-found', 'This pipeline no longer exists.');
      const settings = await config.getSettings(db);
      if (settings.defaultPipelineId === id) {
        throw new StoreError('conflict', 'Choose another default pipeline before deleting this one.', 'pipelineId');
      }
      return write(['pipelines'], config.savePipeline(db, { ...pipeline, deletedAt: s.now() }, s.now()));
    },
    'pipeline.moveStageDeals': async ({ pipelineId, fromStageId, toStageId }) => ({
      moved: await write(['deals'], moveStageDeals(db, pipelineId, fromStageId, toStageId, s.now())),
    }),
    'propertyDef.delete': async ({ id }) => {
      const def = (await config.listPropertyDefs(db)).find((d) => d.id === id);
      if (!def) throw new StoreError('not-found', 'This property no longer exists.');
      return write(['propertyDefs'], config.savePropertyDef(db, { ...def, deletedAt: s.now() }, s.now()));
    },
    'source.save': async (source) => write(['sources'], config.saveSource(db, source, s.now())),
    'task.create': async (input) => {
      const task = await tasks.createTask(
        db,
        {
          title: input.title,
          note: input.note ?? '',
          dueAt: input.dueAt,
          kind: 'todo',
          contactId: input.contactId ?? null,
          dealId: input.dealId ?? null,
          companyId: input.companyId ?? null,
          ownerId: input.ownerId ?? null,
        },
        s.now(),
        input.requestId,
      );
      s.changed(['tasks']);
      await s.tasksChanged();
      return task;
    },
    'task.reschedule': async ({ id, dueAt }) => {
      const task = await tasks.getTask(db, id);
      if (!task || task.deletedAt !== null) throw new StoreError('not-found', 'This task no longer exists.');
      const now = s.now();
      // A new time means a new reminder: it has not fired for this time yet.
      const saved = await tasks.saveTask(
        db,
        {
          ...task,
          dueAt,
          firedAt: null,
          history: [
            ...task.history,
            { at: now, event: 'rescheduled' as const, detail: new Date(dueAt).toISOString() },
          ].slice(-200),
        },
        now,
      );
      s.changed(['tasks']);
      await s.tasksChanged();
      return saved;
    },
    'activity.setDeleted': async ({ id, deleted }) =>
      write(['activities'], activities.setActivityDeleted(db, id, deleted, s.now())),
  };
}
