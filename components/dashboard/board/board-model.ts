import { action, computed, createModel, effect, signal } from '@preact/signals';
import { type BoardFilter, boardColumns, columnTotal, pipelinesFor } from '@/lib/dashboard/board';
import { ownerFilterOf } from '@/lib/dashboard/team-view';
import { companyNames, openDealsInPipeline } from '@/lib/db/views';
import type { Deal } from '@/lib/model';
import { call } from '@/lib/worker/client';
import type { DealPatch } from '../../CloseDealForm';
import { stageName as shownName } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { ownerChoice } from '../owner-choice';
import { meOf } from '../team/team-status';

/** The pipeline board: which pipeline, the filter, the open deals, and the moves a rep makes. */
export const BoardModel = createModel((app: Dashboard) => {
  const chosenPipelineId = signal<string | null>(null);
  const text = signal('');
  const deals = signal<Deal[]>([]);
  const names = signal<Record<string, string>>({});
  const loaded = signal(false);
  /** Read by a polite live region: what the last keyboard or pointer move did. */
  const announcement = signal('');
  /** The card to focus after it re-renders in its new column. */
  const focusDealId = signal<string | null>(null);

  const me = computed(() => meOf(app));
  const choices = computed(() => pipelinesFor(app.pipelines.value, app.settings.value?.currentRepId ?? null));
  const pipeline = computed(() => {
    const list = choices.value;
    const wanted = chosenPipelineId.value ?? app.settings.value?.defaultPipelineId;
    return list.find((p) => p.id === wanted) ?? list[0] ?? null;
  });
  const filter = computed<BoardFilter>(() => ({
    ownerId: ownerFilterOf(ownerChoice.value, me.value),
    text: text.value,
  }));
  const columns = computed(() =>
    pipeline.value ? boardColumns(pipeline.value, deals.value, filter.value, names.value) : [],
  );
  const totals = computed(() => {
    const settings = app.settings.value;
    return columns.value.map((c) =>
      columnTotal(c.deals, settings?.defaultCurrency ?? 'USD', settings?.exchangeRates ?? {}),
    );
  });

  effect(() => {
    const db = app.db.value;
    const id = pipeline.value?.id;
    void app.revision.value;
    if (!db || !id) return;
    let current = true;
    void openDealsInPipeline(db, id).then(async (found) => {
      const companyMap = await companyNames(
        db,
        found.map((d) => d.companyId),
      );
      if (!current) return;
      deals.value = found;
      names.value = companyMap;
      loaded.value = true;
    });
    return () => {
      current = false;
    };
  });

  const stageName = (stageId: string) => {
    const stage = pipeline.value?.stages.find((s) => s.id === stageId);
    return stage ? shownName(stage) : '';
  };

  const moveDeal = action(async (deal: Deal, stageId: string) => {
    if (deal.stageId === stageId) return;
    const before = deals.value;
    // Shown at once; the worker's answer (or its refusal) decides what stays.
    deals.value = before.map((d) => (d.id === deal.id ? { ...d, stageId } : d));
    focusDealId.value = deal.id;
    const saved = await app.attempt(() => call('deal.update', { id: deal.id, patch: { stageId } }));
    if (saved) announcement.value = t('dash_moved_to', { title: deal.title, stage: stageName(stageId) });
    else {
      deals.value = before;
      announcement.value = t('dash_move_failed', { title: deal.title });
    }
  });

  const close = action(async (deal: Deal, patch: DealPatch) => {
    const message = t(patch.status === 'won' ? 'dash_marked_won' : 'dash_marked_lost', { title: deal.title });
    const saved = await app.undoable(
      () => call('deal.update', { id: deal.id, patch }),
      message,
      () => call('deal.update', { id: deal.id, patch: { status: 'open' } }),
    );
    if (saved) announcement.value = message;
  });

  return {
    chosenPipelineId,
    me,
    text,
    deals,
    names,
    loaded,
    announcement,
    focusDealId,
    choices,
    pipeline,
    columns,
    totals,
    moveDeal,
    close,
  };
});

export type Board = InstanceType<typeof BoardModel>;
