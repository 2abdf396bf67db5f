import { PLAN_PARTS, PLAN_STEPS, type Rep } from '@/lib/model';
import { budgetLines, budgetTotals } from '@/lib/plan/budget';
import { currentOwners, ownerHistory } from '@/lib/plan/owners';
import { money } from '../../format';
import { formatCount, formatDateTime, language, t } from '../../i18n';
import { kindLabel } from '../../kind-label';
import { duration, monthFromKey, rate } from '../reports/report-format';
import { trendText } from './MeasuresStep';
import type { PlanPageData } from './plan-data';
import {
  budgetLineCells,
  budgetLineColumns,
  changeText,
  measureName,
  measureValueText,
  partName,
  reviewCells,
  reviewColumns,
  stepTitle,
  targetText,
  verdictText,
} from './plan-format';

/**
 * The plan as one self-contained HTML file a manager shares: it opens in any browser and on any phone without the
 * extension, prints as the page does, keeps its tables as tables (Markdown would lose them in most mail and chat
 * apps), and Khmer reads in the system's own fonts. Everything the business wrote is escaped: a note is text, never
 * markup.
 */

const html = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(columns: string[], rows: string[][]): string {
  if (rows.length === 0) return `<p class="muted">${html(t('plan_nothing_yet'))}</p>`;
  const head = columns.map((c) => `<th>${html(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${html(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:4px 6px;text-align:start;vertical-align:top}
th{background:#f3f3f3}.notes{white-space:pre-wrap;background:#fafafa;border-left:3px solid #888;padding:.5rem}
.muted{color:#666}@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}`;

export function planDocument(data: PlanPageData, reps: readonly Rep[], timeZone: string, product: string): string {
  const repName = (id: string | null) =>
    id === null ? t('plan_nobody') : (reps.find((rep) => rep.id === id)?.name ?? t('fig_no_rep'));
  const owners = currentOwners(data.owners);
  const figures: Record<string, string> = {
    review: table(
      reviewColumns(),
      data.review.byKind.map((row) => reviewCells(row, data.kinds)),
    ),
    competitors: table(
      [t('dash_nav_competitors'), t('plan_faced'), t('plan_lost_to'), t('fig_win_rate'), t('plan_their_notes')],
      data.winLoss.byCompetitor
        .filter((row) => row.competitor.deletedAt === null)
        .map((row) => [
          row.competitor.name,
          formatCount(row.faced),
          formatCount(row.lostToThem.count),
          rate(row.winRate),
          row.competitor.notes || '—',
        ]),
    ),
    policy: table(
      [t('service_kind_filter'), t('plan_answer_target'), t('plan_templates_in_use')],
      data.kinds.map((kind) => [
        kindLabel(kind),
        kind.targetMinutes === null ? t('plan_no_target') : duration(kind.targetMinutes * 60_000),
        (data.templates.get(kind.id) ?? []).map((template) => template.name).join(' · ') || '—',
      ]),
    ),
    budget:
      table(budgetLineColumns(), budgetLines(data.budgetLines).map(budgetLineCells)) +
      table(
        [t('plan_month'), t('plan_planned'), t('plan_spent')],
        budgetTotals(data.budgetLines).map((total) => [
          `${monthFromKey(total.month)} · ${total.currency}`,
          money({ amount: total.planned, currency: total.currency }),
          money({ amount: total.spent, currency: total.currency }),
        ]),
      ),
    responsibility:
      table(
        [t('plan_part'), t('plan_owner')],
        [
          ...PLAN_PARTS.map((part) => [partName(part), repName(owners.get(`part:${part}`)?.repId ?? null)]),
          ...data.kinds.map((kind) => [kindLabel(kind), repName(owners.get(`kind:${kind.id}`)?.repId ?? null)]),
        ],
      ) +
      table(
        [t('plan_when'), t('plan_changed_by'), t('plan_owner')],
        ownerHistory(data.owners)
          .slice(0, 50)
          .map((row) => [
            formatDateTime(row.at, timeZone),
            row.changedBy === null ? t('plan_someone') : repName(row.changedBy),
            repName(row.repId),
          ]),
      ),
    measures: table(
      [t('plan_measure'), t('plan_target'), t('plan_live'), t('plan_verdict'), t('plan_trend')],
      data.measures.map((result) => [
        measureName(result.target, data.kinds),
        targetText(result.target),
        measureValueText(result.target.measure, result.value),
        `${verdictText(result)} ${changeText(result)}`.trim(),
        trendText(result),
      ]),
    ),
  };
  const steps = PLAN_STEPS.map((step, i) => {
    const notes = data.plan[step].trim();
    return `<section><h2>${i + 1}. ${html(stepTitle(step))}</h2>
${notes ? `<p class="notes">${html(notes)}</p>` : ''}
${figures[step]}</section>`;
  }).join('\n');
  const title = `${t('plan_title')} · ${product}`;
  return `<!doctype html>
<html lang="${language.value}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${html(title)}</title><style>${STYLE}</style></head><body>
<h1>${html(t('plan_title'))}</h1>
<p class="muted">${html(t('plan_window', { from: formatDateTime(data.window.from, timeZone, 'date'), to: formatDateTime(data.now, timeZone, 'date') }))}</p>
${steps}
</body></html>
`;
}
