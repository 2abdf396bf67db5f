import { useEffect, useState } from 'preact/hooks';
import { ownerFilterOf } from '@/lib/dashboard/team-view';
import {
  companyNames,
  countRows,
  type RowOf,
  readPage,
  searchRows,
  type TableEntity,
  type TableFilter,
} from '@/lib/db/views';
import type { MessageKey } from '@/lib/i18n/translate';
import type { LifecycleStage } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { stageName } from '../../format';
import { t } from '../../i18n';
import { LifecycleOptions } from '../../LifecycleOptions';
import { NewDealForm } from '../../NewDealForm';
import { PipelineSelect } from '../../PipelineSelect';
import { deleteRecords } from '../delete-records';
import { OwnerFilter } from '../OwnerFilter';
import { loadOwnerChoice, ownerChoice, rememberOwnerChoice } from '../owner-choice';
import { Pager, usePageStarts } from '../Pager';
import { meOf, useTeamStatus } from '../team/team-status';
import { useRead } from '../use-read';
import type { ViewProps } from '../view-props';
import { BulkBar, type BulkChange } from './BulkBar';
import { NewRecordForm } from './NewRecordForm';
import { RecordRow } from './RecordRow';

const PAGE_SIZES = [25, 50, 100] as const;
const TITLES: Record<TableEntity, MessageKey> = {
  contacts: 'dash_nav_contacts',
  companies: 'dash_nav_companies',
  deals: 'dash_nav_deals',
};

/**
 * A table of contacts, companies or deals that stays fast at 100k rows: each page is read through an index cursor
 * (advance to the page's start, then read one page), counts come from the index, and search uses the bySearch
 * index. Sorting follows the index: newest/oldest change for contacts and deals, name for companies.
 */
export function TableView({ app, entity }: ViewProps & { entity: TableEntity }) {
  const [direction, setDirection] = useState<'next' | 'prev'>(entity === 'companies' ? 'next' : 'prev');
  const [picked, setFilter] = useState<Omit<TableFilter, 'ownerId'>>({});
  useTeamStatus(app);
  useEffect(loadOwnerChoice, []);
  const ownerId = ownerFilterOf(ownerChoice.value, meOf(app));
  const filter: TableFilter = ownerId === null ? picked : { ...picked, ownerId };
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState<number>(25);
  const starts = usePageStarts();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const searching = query.trim().length > 0;

  // A new question starts at page one with nothing selected.
  useEffect(() => {
    starts.restart();
    setSelected(new Set());
  }, [direction, JSON.stringify(filter), query, limit]);

  const offset = starts.offset;
  const page = useRead(
    app,
    async (db) => {
      if (searching) {
        const rows = await searchRows(db, entity, query, filter, 500);
        return {
          rows: rows.slice(offset, offset + limit),
          nextOffset: offset + limit < rows.length ? offset + limit : null,
          total: rows.length,
        };
      }
      const result = await readPage(db, { entity, filter, direction, offset, limit });
      return { ...result, total: null };
    },
    [entity, direction, JSON.stringify(filter), query, limit, offset],
  );
  const counted = useRead(app, (db) => countRows(db, entity, filter), [entity, JSON.stringify(filter)]);
  const rows = (page?.rows ?? []) as RowOf<TableEntity>[];
  const names = useRead(
    app,
    (db) =>
      companyNames(
        db,
        rows.map((r) => ('companyId' in r ? r.companyId : null)),
      ),
    [rows.map((r) => r.id).join()],
  );

  const total = searching ? (page?.total ?? null) : (counted?.count ?? null);
  const approximate = !searching && (counted?.approximate ?? false);
  const pages = total !== null ? Math.max(1, Math.ceil(total / limit)) : null;
  const jumpable = !searching && counted !== undefined && !counted.approximate;

  const ids = [...selected];
  const bulk = async (change: BulkChange) => {
    const patch =
      change.kind === 'owner'
        ? { ownerId: change.ownerId }
        : change.kind === 'lifecycle'
          ? { lifecycle: change.lifecycle }
          : { pipelineId: change.pipelineId, stageId: change.stageId };
    const done = await app.attempt(() => call('records.bulkUpdate', { entity, ids, patch }));
    if (done) app.notify(t('dash_bulk_done', { count: done.updated }));
  };
  const remove = async () => {
    if (await deleteRecords(app, entity, ids)) setSelected(new Set());
  };
  const setFilterField = <K extends keyof typeof picked>(key: K, value: TableFilter[K] | undefined) => {
    const next = { ...picked };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    if (key === 'pipelineId') delete next.stageId;
    setFilter(next);
  };
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const pipelineFilter = app.pipelines.value.find((p) => p.id === filter.pipelineId);

  return (
    <section aria-labelledby="table-title">
      <div class="row spread">
        <h2 id="table-title">{t(TITLES[entity])}</h2>
        <button type="button" class="primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t(entity === 'contacts' ? 'dash_new_contact' : entity === 'companies' ? 'dash_new_company' : 'deal_new')}
        </button>
      </div>
      {creating ? (
        entity === 'deals' ? (
          <NewDealForm
            subject=""
            contactIds={[]}
            companyId={null}
            threadId={null}
            settings={app.settings.value!}
            pipelines={app.pipelines.value}
            onDone={() => setCreating(false)}
          />
        ) : (
          <NewRecordForm app={app} entity={entity} onDone={() => setCreating(false)} />
        )
      ) : null}
      <div class="row filters">
        <label class="grow">
          {t('search')}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <OwnerFilter reps={app.reps.value} me={meOf(app)} value={ownerChoice.value} onChange={rememberOwnerChoice} />
        {entity === 'contacts' ? (
          <label>
            {t('contact_lifecycle')}
            <select
              value={filter.lifecycle ?? ''}
              onChange={(e) => setFilterField('lifecycle', (e.currentTarget.value || undefined) as LifecycleStage)}
            >
              <option value="">{t('dash_all')}</option>
              <LifecycleOptions />
            </select>
          </label>
        ) : null}
        {entity === 'deals' ? (
          <>
            <PipelineSelect
              pipelines={app.pipelines.value}
              value={filter.pipelineId ?? ''}
              allowAll
              onChange={(pipelineId) => setFilterField('pipelineId', pipelineId)}
            />
            {pipelineFilter ? (
              <label>
                {t('deal_stage')}
                <select value={filter.stageId ?? ''} onChange={(e) => setFilterField('stageId', e.currentTarget.value)}>
                  <option value="">{t('dash_all')}</option>
                  {pipelineFilter.stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {stageName(s)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label>
              {t('dash_status')}
              <select
                value={filter.status ?? ''}
                onChange={(e) =>
                  setFilterField('status', (e.currentTarget.value || undefined) as TableFilter['status'])
                }
              >
                <option value="">{t('dash_all')}</option>
                <option value="open">{t('dash_status_open')}</option>
                <option value="won">{t('dash_status_won')}</option>
                <option value="lost">{t('dash_status_lost')}</option>
              </select>
            </label>
          </>
        ) : null}
        <label>
          {t('dash_page_size')}
          <select value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <BulkBar
        entity={entity}
        count={selected.size}
        reps={app.reps.value}
        pipelines={app.pipelines.value}
        onApply={(change) => void bulk(change)}
        onDelete={() => void remove()}
        onClear={() => setSelected(new Set())}
      />
      <div class="table-wrap">
        <table class="records">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('dash_select_page')}
                  checked={allOnPage}
                  onChange={(e) => {
                    const next = new Set(selected);
                    for (const r of rows) e.currentTarget.checked ? next.add(r.id) : next.delete(r.id);
                    setSelected(next);
                  }}
                />
              </th>
              {columnsOf(entity).map((column) => (
                <th key={column} scope="col" aria-sort={sortOf(entity, column, direction, searching)}>
                  {isSortable(entity, column) && !searching ? (
                    <button
                      type="button"
                      class="sort"
                      onClick={() => setDirection(direction === 'next' ? 'prev' : 'next')}
                    >
                      {t(column)} {direction === 'next' ? '▲' : '▼'}
                    </button>
                  ) : (
                    t(column)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <RecordRow
                key={row.id}
                entity={entity}
                row={row}
                companyName={names?.[('companyId' in row ? row.companyId : null) ?? ''] ?? ''}
                reps={app.reps.value}
                pipelines={app.pipelines.value}
                timeZone={app.timeZone.value}
                selected={selected.has(row.id)}
                onSelect={(on) => {
                  const next = new Set(selected);
                  on ? next.add(row.id) : next.delete(row.id);
                  setSelected(next);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {page && rows.length === 0 ? <p class="muted">{searching ? t('search_none') : t('dash_table_empty')}</p> : null}
      <Pager
        {...starts.moves(page?.nextOffset)}
        pages={pages}
        total={total}
        approximate={approximate}
        onJump={jumpable ? (n) => starts.jump(n, limit) : null}
      />
    </section>
  );
}

export type ColumnKey = MessageKey;

function columnsOf(entity: TableEntity): ColumnKey[] {
  if (entity === 'contacts')
    return ['contact_name', 'dash_email', 'contact_company', 'contact_lifecycle', 'dash_owner', 'dash_updated'];
  if (entity === 'companies') return ['contact_name', 'dash_domains', 'contact_phone', 'dash_owner'];
  return ['deal_title', 'deal_amount', 'deal_stage', 'dash_status', 'deal_close_date', 'dash_owner', 'dash_updated'];
}

function isSortable(entity: TableEntity, column: ColumnKey): boolean {
  return entity === 'companies' ? column === 'contact_name' : column === 'dash_updated';
}

function sortOf(entity: TableEntity, column: ColumnKey, direction: 'next' | 'prev', searching: boolean) {
  if (searching || !isSortable(entity, column)) return undefined;
  return direction === 'next' ? 'ascending' : 'descending';
}
