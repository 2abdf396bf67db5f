import { commit } from '../db/errors';
import { putRecord, recordTx } from '../db/record-write';
import type { CrmDb } from '../db/schema';
import { DEFAULT_STAGES, defaultSources, type Pipeline, type Source } from '../model';

/**
 * Every new profile starts with a "Sales" pipeline and six sources of its own (lib/db/migrations.ts), each with ids
 * of its own. A browser that joins a team under way would push them, and the team would get one more "Sales" and six
 * more sources per browser. So on the first round, once the team's records are pulled, this browser's defaults that
 * are still as they were made give way to the team's (the first device's): what pointed at ours points at the
 * team's, and ours go without a tombstone, since the team never had them. A default the rep changed is the rep's own
 * and is pushed like any record; the first device of a team finds none of the team's and pushes its defaults.
 */
export interface Adopted {
  /** Local id → the team's, for the pipeline and each source given up. */
  pipelines: Map<string, string>;
  sources: Map<string, string>;
}

const sameStages = (pipeline: Pipeline) =>
  pipeline.stages.length === DEFAULT_STAGES.length &&
  pipeline.stages.every(
    (s, i) => s.name === DEFAULT_STAGES[i]?.name && s.probability === DEFAULT_STAGES[i]?.probability,
  );

export const untouchedPipeline = (p: Pipeline) =>
  p.deletedAt === null && p.name === 'Sales' && p.ownerId === null && p.order === 0 && sameStages(p);

const DEFAULT_SOURCES = new Map(defaultSources(0).map((s) => [s.key, s]));

export function untouchedSource(source: Source): boolean {
  const made = DEFAULT_SOURCES.get(source.key);
  return source.deletedAt === null && !!made && made.name === source.name && made.order === source.order;
}

/** The team's stage for one of ours: the one of the same name, else the one at the same place, else the first. */
function stageFor(ours: Pipeline, theirs: Pipeline, stageId: string): string {
  const index = ours.stages.findIndex((s) => s.id === stageId);
  const name = ours.stages[index]?.name.toLowerCase();
  const byName = theirs.stages.find((s) => s.name.toLowerCase() === name);
  return (byName ?? theirs.stages[index] ?? theirs.stages[0])?.id ?? stageId;
}

export async function adoptTeamDefaults(db: CrmDb): Promise<Adopted> {
  const adopted: Adopted = { pipelines: new Map(), sources: new Map() };
  const tx = recordTx(db, ['pipelines', 'sources', 'deals', 'contacts', 'settings']);
  await commit(tx, async () => {
    const synced = async (entity: 'pipelines' | 'sources', id: string) =>
      (await tx.objectStore('fieldClocks').getKey([entity, id])) !== undefined;
    const split = async <T extends { id: string; deletedAt: number | null }>(
      entity: 'pipelines' | 'sources',
      rows: T[],
    ) => {
      const team: T[] = [];
      const local: T[] = [];
      for (const row of rows) ((await synced(entity, row.id)) ? team : local).push(row);
      return { team: team.filter((row) => row.deletedAt === null), local };
    };
    const pipelines = await split('pipelines', await tx.objectStore('pipelines').getAll());
    const target = pipelines.team.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt)[0];
    const given = new Map<string, Pipeline>();
    if (target) {
      for (const ours of pipelines.local.filter(untouchedPipeline)) {
        adopted.pipelines.set(ours.id, target.id);
        given.set(ours.id, ours);
      }
    }
    const sources = await split('sources', await tx.objectStore('sources').getAll());
    for (const ours of sources.local.filter(untouchedSource)) {
      const theirs = sources.team.find((s) => s.key === ours.key);
      if (theirs) adopted.sources.set(ours.id, theirs.id);
    }
    if (adopted.pipelines.size === 0 && adopted.sources.size === 0) return;

    // Deals and contacts written since joining are queued already: their new references are queued after them.
    for (const [id] of adopted.pipelines) {
      const ours = given.get(id)!;
      const deals = await tx
        .objectStore('deals')
        .index('byStage')
        .getAll(IDBKeyRange.bound([id], [id, []]));
      for (const deal of deals) {
        await putRecord(tx, 'deals', {
          ...deal,
          pipelineId: target!.id,
          stageId: stageFor(ours, target!, deal.stageId),
        });
      }
      await tx.objectStore('pipelines').delete(id);
    }
    if (adopted.sources.size > 0) {
      let cursor = await tx.objectStore('contacts').openCursor();
      while (cursor) {
        const sourceId = cursor.value.sourceId;
        const theirs = sourceId ? adopted.sources.get(sourceId) : undefined;
        if (theirs) await putRecord(tx, 'contacts', { ...cursor.value, sourceId: theirs });
        cursor = await cursor.continue();
      }
      for (const [id] of adopted.sources) await tx.objectStore('sources').delete(id);
    }
    const settings = await tx.objectStore('settings').get('settings');
    const pipelineId = settings?.defaultPipelineId;
    if (settings && pipelineId && adopted.pipelines.has(pipelineId)) {
      await tx
        .objectStore('settings')
        .put({ ...settings, defaultPipelineId: adopted.pipelines.get(pipelineId)! }, 'settings');
    }
  });
  return adopted;
}
