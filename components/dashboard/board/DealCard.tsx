import { useEffect, useRef, useState } from 'preact/hooks';
import type { MoveKey } from '@/lib/dashboard/board';
import { hashFor } from '@/lib/dashboard/links';
import type { Deal, Pipeline } from '@/lib/model';
import { CloseDealForm, type DealPatch } from '../../CloseDealForm';
import { money, stageName } from '../../format';
import { formatDateTime, t } from '../../i18n';

const MOVE_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * One deal on the board. Three ways to move it: drag it, focus it and press ← → (Home/End for the ends), or pick a
 * stage in its "Move to" list; the board announces each move.
 */
export function DealCard({
  deal,
  pipeline,
  companyName,
  ownerName,
  timeZone,
  focus,
  hintId,
  onMove,
  onKeyMove,
  onClose,
}: {
  deal: Deal;
  pipeline: Pipeline;
  companyName: string;
  ownerName: string;
  timeZone: string;
  focus: boolean;
  hintId: string;
  onMove(stageId: string): void;
  onKeyMove(key: MoveKey): void;
  onClose(patch: DealPatch): Promise<unknown>;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);

  return (
    <li
      class="board-card"
      draggable
      data-deal-id={deal.id}
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', deal.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div class="card-head">
        <a class="card-title" href={hashFor('deal', deal.id)}>
          {deal.title}
        </a>
        <button
          ref={ref}
          type="button"
          class="handle"
          aria-label={t('dash_move_named', { title: deal.title })}
          aria-describedby={hintId}
          onKeyDown={(e) => {
            if (!MOVE_KEYS.has(e.key)) return;
            e.preventDefault();
            onKeyMove(e.key as MoveKey);
          }}
        >
          ⇄
        </button>
      </div>
      {companyName ? <div class="muted name">{companyName}</div> : null}
      <div class="card-facts">
        <span class="amount">{money(deal.value)}</span>
        {deal.expectedCloseAt !== null ? (
          <time dateTime={new Date(deal.expectedCloseAt).toISOString()}>
            {formatDateTime(deal.expectedCloseAt, timeZone, 'date')}
          </time>
        ) : null}
      </div>
      {ownerName ? <div class="muted name">{t('dash_owner_is', { name: ownerName })}</div> : null}
      <label class="move-to">
        {t('dash_move_to')}
        <select value={deal.stageId} onChange={(e) => onMove(e.currentTarget.value)}>
          {pipeline.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stageName(stage)}
            </option>
          ))}
        </select>
      </label>
      <div class="row">
        <button
          type="button"
          aria-label={t('dash_won_named', { title: deal.title })}
          aria-expanded={closing === 'won'}
          onClick={() => setClosing(closing === 'won' ? null : 'won')}
        >
          {t('deal_mark_won')}
        </button>
        <button
          type="button"
          aria-label={t('dash_lost_named', { title: deal.title })}
          aria-expanded={closing === 'lost'}
          onClick={() => setClosing(closing === 'lost' ? null : 'lost')}
        >
          {t('deal_mark_lost')}
        </button>
      </div>
      {closing ? <CloseDealForm deal={deal} outcome={closing} onClose={onClose} /> : null}
    </li>
  );
}
