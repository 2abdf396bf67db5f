/**
 * Settings keep exchange rates as "units of the default currency for one unit of X". Reps think the other way
 * round ("1 USD = 4,100 riel"), so the form shows and takes the inverse. Changing the default currency re-bases every
 * rate so the saved rates keep their meaning.
 */
export function perDefaultFromRate(rate: number | undefined): number | null {
  return rate && rate > 0 ? 1 / rate : null;
}

export function rateFromPerDefault(unitsPerDefault: number): number {
  return 1 / unitsPerDefault;
}

/** Null when there is no rate between the old and the new default: the rep must enter one first. */
export function rebaseRates(
  rates: Record<string, number>,
  oldDefault: string,
  newDefault: string,
): Record<string, number> | null {
  if (oldDefault === newDefault) return { ...rates };
  const newInOld = rates[newDefault];
  if (!newInOld) return null;
  const out: Record<string, number> = { [oldDefault]: 1 / newInOld };
  for (const [code, rate] of Object.entries(rates)) {
    if (code === newDefault || code === oldDefault) continue;
    out[code] = rate / newInOld;
  }
  return out;
}
