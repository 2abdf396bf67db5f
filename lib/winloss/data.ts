import { getSettings, listPipelines } from '../db/config';
import { stripRow } from '../db/rows';
import type { CrmDb } from '../db/schema';
import type { Deal } from '../model';
import type { FigureFilter } from '../reports/figures';
import type { WinLossInput } from './analysis';
import { allReasonsAndCompetitors } from './store';

/**
 * What the analysis needs for a period, read through indexes: a deal closed in the period was updated when it closed
 * or later, so the byUpdated index from the period's start holds every one of them.
 */
export async function loadWinLoss(db: CrmDb, filter: FigureFilter): Promise<WinLossInput> {
  const [rows, named, pipelines, settings] = await Promise.all([
    db.getAllFromIndex('deals', 'byUpdated', IDBKeyRange.lowerBound(filter.from)),
    allReasonsAndCompetitors(db),
    listPipelines(db),
    getSettings(db),
  ]);
  const deals = rows
    .filter((row) => row.deletedAt === null && row.status !== 'open')
    .map((row) => stripRow(row) as Deal);
  return { deals, ...named, pipelines, settings, filter };
}
