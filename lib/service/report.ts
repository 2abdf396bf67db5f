import { z } from 'zod';
import type { Locale } from '../i18n/locale';
import { formatNumber } from '../i18n/numbers';
import { BUILT_IN_KINDS, type Settings } from '../model';
import type { Period } from '../time/periods';
import { type LoggedAnswer, serviceFigures } from './figures';
import type { ServiceRecords } from './store';

const share = z.number().min(0).max(1).nullable();

/** The policy's headline for a scheduled report: stored with it, so parsed back with this schema. */
export const serviceSummarySchema = z.object({
  received: z.number(),
  answered: z.number(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  withinTarget: share,
  overTarget: z.number(),
  satisfaction: z.object({ count: z.number(), average: z.number().nullable(), goodShare: share }),
  byKind: z.array(
    z.object({
      kindId: z.string().nullable(),
      builtIn: z.enum(BUILT_IN_KINDS).nullable(),
      name: z.string(),
      received: z.number(),
      withinTarget: share,
      medianMs: z.number().nullable(),
      scores: z.number(),
      average: z.number().nullable(),
    }),
  ),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

/** The period's service figures for one rep (or the team), kinds named as they were when the report was made. */
export function serviceSummary(
  records: ServiceRecords & { answers?: readonly LoggedAnswer[] },
  settings: Pick<Settings, 'timeZone' | 'workingHours'>,
  now: number,
  period: Period,
  repId: string | null,
): ServiceSummary {
  const figures = serviceFigures({ ...records, settings, now }, { from: period.start, to: period.end, repId }, 'month');
  const kinds = new Map(records.kinds.map((kind) => [kind.id, kind]));
  const { overall, satisfaction } = figures;
  return {
    received: overall.received,
    answered: overall.answered,
    medianMs: overall.medianMs,
    p90Ms: overall.p90Ms,
    withinTarget: overall.withinTarget,
    overTarget: overall.overTarget,
    satisfaction,
    byKind: figures.byKind.map((row) => {
      const kind = row.kindId ? kinds.get(row.kindId) : undefined;
      return {
        kindId: row.kindId,
        builtIn: kind?.builtIn ?? null,
        name: kind?.name ?? '',
        received: row.received,
        withinTarget: row.withinTarget,
        medianMs: row.medianMs,
        scores: row.count,
        average: row.average,
      };
    }),
  };
}

/** The service figures' line of a report's text (lib/reports/report.ts reportToText), in the reader's numbers. */
export function serviceReportLine(
  service: ServiceSummary,
  t: (key: 'reportService', values: Record<string, string | number>) => string,
  locale: Locale,
): string {
  const share = (value: number | null) =>
    value === null ? '—' : formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 0 });
  const { average, count } = service.satisfaction;
  return t('reportService', {
    count: service.received,
    within: share(service.withinTarget),
    over: service.overTarget,
    average: average === null ? '—' : formatNumber(average, locale, { maximumFractionDigits: 1 }),
    scores: count,
  });
}
