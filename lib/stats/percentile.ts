/**
 * The p-th percentile (0..100) of values sorted ascending, by linear interpolation between closest ranks (the
 * "inclusive" method: Excel PERCENTILE.INC, numpy's default): rank h = (n − 1) × p / 100, and the value is
 * x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). Chosen over nearest-rank because its 50th percentile is the usual
 * median (the mean of the two middle values for an even count), so "median" and "p90" come from one definition.
 * Null for no values.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const low = sortedAscending[lower]!;
  return low + (h - lower) * (sortedAscending[upper]! - low);
}
