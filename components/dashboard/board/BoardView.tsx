import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { stageAfterKey } from '@/lib/dashboard/board';
import { stageName } from '../../format';
import { formatCount, t } from '../../i18n';
import { OwnerFilter } from '../OwnerFilter';
import { loadOwnerChoice, ownerChoice, rememberOwnerChoice } from '../owner-choice';
import { useTeamStatus } from '../team/team-status';
import type { ViewProps } from '../view-props';
import { BoardModel } from './board-model';
import { ColumnTotals } from './ColumnTotals';
import { DealCard } from './DealCard';

export function BoardView({ app }: ViewProps) {
  const board = useModel(() => new BoardModel(app));
  useTeamStatus(app);
  useEffect(loadOwnerChoice, []);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const pipeline = board.pipeline.value;
  const reps = app.reps.value;
  if (!pipeline) return <p class="muted">{t('pipelines_none')}</p>;
  const rtl = document.documentElement.dir === 'rtl';
  const repName = (id: string | null) => reps.find((r) => r.id === id)?.name ?? '';

  return (
    <section class="board-view" aria-labelledby="board-title">
      <h2 id="board-title">{t('dash_nav_board')}</h2>
      <div class="row filters">
        <label>
          {t('deal_pipeline')}
          <select
            value={pipeline.id}
            onChange={(e) => {
              board.chosenPipelineId.value = e.currentTarget.value;
            }}
          >
            {board.choices.value.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <OwnerFilter reps={reps} me={board.me.value} value={ownerChoice.value} onChange={rememberOwnerChoice} />
        <label class="grow">
          {t('dash_filter_text')}
          <input
            type="search"
            value={board.text.value}
            onInput={(e) => {
              board.text.value = e.currentTarget.value;
            }}
          />
        </label>
      </div>
      <p id="board-hint" class="muted small">
        {t('dash_board_hint')}
      </p>
      <p class="visually-hidden" aria-live="polite" role="status">
        {board.announcement.value}
      </p>
      <div class="board">
        {board.columns.value.map((column, i) => {
          const stage = pipeline.stages.find((s) => s.id === column.stageId)!;
          const headingId = `stage-${stage.id}`;
          return (
            <section
              key={stage.id}
              class={`board-column${dropTarget === stage.id ? ' drop' : ''}`}
              aria-labelledby={headingId}
              onDragOver={(e) => {
                e.preventDefault();
                setDropTarget(stage.id);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDropTarget(null);
                const id = e.dataTransfer?.getData('text/plain');
                const deal = board.deals.value.find((d) => d.id === id);
                if (deal) void board.moveDeal(deal, stage.id);
              }}
            >
              <h3 id={headingId} class="column-head">
                <span class="name">{stageName(stage)}</span>{' '}
                <span class="badge">{formatCount(column.deals.length)}</span>{' '}
                <span class="muted small">
                  {formatCount(stage.probability, { style: 'percent', maximumFractionDigits: 0 })}
                </span>
              </h3>
              <ColumnTotals total={board.totals.value[i]!} />
              <ul class="board-cards" aria-label={stageName(stage)}>
                {column.deals.map((deal) => (
                  <DealCard
                    key={deal.id}
                    deal={deal}
                    pipeline={pipeline}
                    companyName={board.names.value[deal.companyId ?? ''] ?? ''}
                    ownerName={repName(deal.ownerId)}
                    timeZone={app.timeZone.value}
                    focus={board.focusDealId.value === deal.id}
                    hintId="board-hint"
                    onMove={(stageId) => void board.moveDeal(deal, stageId)}
                    onKeyMove={(key) => {
                      const target = stageAfterKey(pipeline, deal.stageId, key, rtl);
                      if (target) void board.moveDeal(deal, target);
                      else board.announcement.value = t('dash_move_edge', { title: deal.title });
                    }}
                    onClose={(patch) => board.close(deal, patch)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {board.loaded.value && board.deals.value.length === 0 ? <p class="muted">{t('dash_board_empty')}</p> : null}
    </section>
  );
}
