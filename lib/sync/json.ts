/** A value that survives JSON and jsonb unchanged: what a field of a synced record holds. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * JSON text with object keys in sorted order, so two equal values give equal text whatever order their keys were
 * written in (PostgreSQL's jsonb, for one, does not keep the order a device sent). Used to order and compare values.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const entries = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
