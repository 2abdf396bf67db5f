import type { SeedShape } from './page/seed';

/** The CRM both bench runs measure (the sizes); BENCH_SCALE=0.1 makes a quick smoke run of either. */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
export const SHAPE: SeedShape = {
  contacts: Math.round(100_000 * SCALE),
  companies: Math.round(20_000 * SCALE),
  deals: Math.round(30_000 * SCALE),
  activities: Math.round(300_000 * SCALE),
};
