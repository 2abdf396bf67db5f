import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompany } from '@/lib/db/companies';
import { listPipelines } from '@/lib/db/config';
import { createContact, setContactDeleted } from '@/lib/db/contacts';
import { createDeal } from '@/lib/db/deals';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import { companyNames, countRows, openDealsInPipeline, overviewCounts, readPage, searchRows } from '@/lib/db/views';

let db: CrmDb;
let n = 0;
const NOW = Date.UTC(2026, 10, 23, 3, 0);
const name = (i: number) => `Contact ${String(i).padStart(3, '0')}`;

beforeEach(async () => {
  db = await openCrmDb(`views-${n++}`, () => NOW);
  for (let i = 0; i < 120; i++) {
    await createContact(db, { name: name(i), lifecycle: i % 3 === 0 ? 'customer' : 'lead' }, NOW + i * 1000);
  }
});
afterEach(() => {
  db.close();
});

describe('paged table reads', () => {
  it('reads page 3 of 25 rows along the index, skipping to it without reading the rows before', async () => {
    // idb compares cursor methods by identity, so the cursor cannot be spied on; the scan budget shows the cost
    // instead: with room to look at only 25 rows, page 3 still comes back whole, so the 50 before it were skipped
    // by `advance`, not read one by one.
    const page = await readPage(db, {
      entity: 'contacts',
      filter: {},
      direction: 'next',
      offset: 50,
      limit: 25,
      maxScan: 25,
    });
    expect(page.rows.map((c) => c.name)).toEqual(Array.from({ length: 25 }, (_, i) => name(50 + i)));
    expect(page.nextOffset).toBe(75);
  });

  it('reads newest first, and the last page ends the range', async () => {
    const first = await readPage(db, { entity: 'contacts', filter: {}, direction: 'prev', offset: 0, limit: 25 });
    expect(first.rows[0]?.name).toBe(name(119));
    const last = await readPage(db, { entity: 'contacts', filter: {}, direction: 'prev', offset: 100, limit: 25 });
    expect(last.rows).toHaveLength(20);
    expect(last.nextOffset).toBeNull();
  });

  it('steps over tombstones and rows the filter refuses, and counts from the index', async () => {
    const firstCustomer = (
      await readPage(db, {
        entity: 'contacts',
        filter: { lifecycle: 'customer' },
        direction: 'next',
        offset: 0,
        limit: 1,
      })
    ).rows[0]!;
    await setContactDeleted(db, firstCustomer.id, true, NOW + 500_000);
    const page = await readPage(db, {
      entity: 'contacts',
      filter: { lifecycle: 'customer' },
      direction: 'next',
      offset: 0,
      limit: 5,
    });
    expect(page.rows.map((c) => c.name)).toEqual([name(3), name(6), name(9), name(12), name(15)]);
    expect(await countRows(db, 'contacts', {})).toEqual({ count: 120, approximate: false });
    expect((await countRows(db, 'contacts', { lifecycle: 'customer' })).approximate).toBe(true);
  });

  it('gives back a short page when a rare filter would need a long scan', async () => {
    const page = await readPage(db, {
      entity: 'contacts',
      filter: { ownerId: crypto.randomUUID() },
      direction: 'next',
      offset: 0,
      limit: 25,
      maxScan: 30,
    });
    expect(page.rows).toEqual([]);
    expect(page.nextOffset).toBe(30);
  });

  it('searches through the search index and applies the table filter to the matches', async () => {
    const found = await searchRows(db, 'contacts', 'contact 01', { lifecycle: 'customer' });
    expect(found.map((c) => c.name).sort()).toEqual([name(12), name(15), name(18)]);
  });
});

describe('deal views', () => {
  it('reads a stage filter through the (pipeline, stage) index and counts it exactly', async () => {
    const [pipeline] = await listPipelines(db);
    const [connect, qualify] = pipeline!.stages;
    const company = await createCompany(db, { name: 'Angkor Trade' }, NOW);
    for (let i = 0; i < 6; i++) {
      await createDeal(
        db,
        { title: `D${i}`, pipelineId: pipeline!.id, stageId: i < 4 ? connect!.id : qualify!.id, companyId: company.id },
        NOW + i,
      );
    }
    await createDeal(db, { title: 'Won', pipelineId: pipeline!.id, stageId: qualify!.id, status: 'won' }, NOW);
    const filter = { pipelineId: pipeline!.id, stageId: qualify!.id };
    const page = await readPage(db, { entity: 'deals', filter, direction: 'next', offset: 0, limit: 10 });
    expect(page.rows.map((d) => d.title).sort()).toEqual(['D4', 'D5', 'Won']);
    expect(await countRows(db, 'deals', filter)).toEqual({ count: 3, approximate: false });
    expect((await openDealsInPipeline(db, pipeline!.id)).map((d) => d.title).sort()).toEqual([
      'D0',
      'D1',
      'D2',
      'D3',
      'D4',
      'D5',
    ]);
    expect(await companyNames(db, [company.id, null, company.id])).toEqual({ [company.id]: 'Angkor Trade' });
    expect(await overviewCounts(db)).toEqual({ contacts: 120, companies: 1, openDeals: 6, openTasks: 0 });
  });
});
