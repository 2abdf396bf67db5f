import { computed, createModel, signal } from '@preact/signals';
import { type Period, periodBounds, previousPeriod } from '@/lib/time/periods';
import { fromWallClock } from '@/lib/time/zoned';

export type PeriodChoice = 'this-month' | 'last-month' | 'this-quarter' | 'custom';
export const PERIOD_CHOICES: PeriodChoice[] = ['this-month', 'last-month', 'this-quarter', 'custom'];

/** The local day a date input names ('YYYY-MM-DD'), as its [start, end); null for an empty or odd value. */
function dayOf(value: string, timeZone: string): Period | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  // Midday is on the right day whatever a DST change does to midnight; periodBounds then finds the day's bounds.
  const noon = fromWallClock({ year: +match[1]!, month: +match[2]!, day: +match[3]!, hour: 12, minute: 0 }, timeZone);
  return periodBounds('day', noon, timeZone);
}

/** The period a choice means in the rep's zone; a custom range includes both of its days. */
export function rangeFor(choice: PeriodChoice, now: number, timeZone: string, from: string, to: string): Period | null {
  switch (choice) {
    case 'this-month':
      return periodBounds('month', now, timeZone);
    case 'last-month':
      return previousPeriod('month', periodBounds('month', now, timeZone), timeZone);
    case 'this-quarter':
      return periodBounds('quarter', now, timeZone);
    case 'custom': {
      const first = dayOf(from, timeZone);
      const last = dayOf(to, timeZone);
      if (!first || !last || last.end <= first.start) return null;
      return { start: first.start, end: last.end };
    }
  }
}

/** The dashboard home's filters: one signal each, the period derived from them. */
export const FiguresModel = createModel((timeZone: string) => {
  const choice = signal<PeriodChoice>('this-month');
  const customFrom = signal('');
  const customTo = signal('');
  const repId = signal<string | null>(null);
  const pipelineId = signal<string | null>(null);
  const range = computed(() => rangeFor(choice.value, Date.now(), timeZone, customFrom.value, customTo.value));
  return { choice, customFrom, customTo, repId, pipelineId, range };
});
export type Figures = InstanceType<typeof FiguresModel>;
