/** The clock and the ids of the report dataset (dataset.ts), shared by the files that build its records. */
import type { ReportSchedule } from '../../../lib/model';

export const TZ = 'Asia/Phnom_Penh';

/** A Phnom Penh wall clock (UTC+7) as epoch ms. Month is 1..12. */
export function pp(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 7, minute);
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const MARCH = { start: pp(2026, 3, 1), end: pp(2026, 4, 1) };
export const FEBRUARY = { start: pp(2026, 2, 1), end: pp(2026, 3, 1) };
export const NOW = pp(2026, 4, 1, 8, 0);

/** Readable, valid v4-shaped UUIDs: group picks the kind of record, n the record. */
export const uuid = (group: number, n: number) => `00000000-0000-4000-8${group}00-${String(n).padStart(12, '0')}`;

/** Ids for records named in order: the first name gets id(1). */
function numbered<K extends string>(names: readonly K[], id: (n: number) => string): Record<K, string> {
  return Object.fromEntries(names.map((name, i) => [name, id(i + 1)])) as Record<K, string>;
}
const ofGroup = (group: number) => (n: number) => uuid(group, n);

export const REP = numbered(['sokha', 'dara'], ofGroup(1));
export const REP_ADDRESS = { sokha: 'sokha@angkor-trading.com.kh', dara: 'dara@angkor-trading.com.kh' };
export const SOURCE = numbered(['referral', 'web'], ofGroup(2));
export const STAGE = numbered(['connect', 'qualify', 'demo', 'close', 'wholesaleLead', 'wholesaleOffer'], ofGroup(3));
export const PIPELINE = numbered(['sales', 'wholesale'], ofGroup(4));
export const CONTACT = numbered(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'], ofGroup(5));
export const DEAL = { ...numbered(['d1', 'd2', 'd3', 'd4', 'd5'], ofGroup(6)), d7: uuid(6, 7), d11: uuid(6, 11) };
/** Gmail's legacy hex thread ids, as the webmail adapter reads them. */
export const THREAD = numbered(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'], (n) => `18e0a6f2c9d1000${n}`);
export const TASK = numbered(['k1', 'k2'], ofGroup(8));

export const base = (id: string, createdAt: number, deletedAt: number | null = null) => ({
  id,
  createdAt,
  updatedAt: deletedAt ?? createdAt,
  deletedAt,
});

/** A report every day at 08:30 for the whole team. */
export const DAILY: ReportSchedule = {
  id: '0b9e1b7e-4c1e-4a53-9d7f-2f5b8f7d1a01',
  frequency: 'daily',
  time: '08:30',
  repId: null,
};
