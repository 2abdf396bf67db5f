import { z } from 'zod';
import type { ColumnMapping, ImportEntity } from '@/lib/import/mapping';
import { readLocal, writeLocal } from '../../browser';

/**
 * Mappings the rep confirmed, per headerSignature, so the next file with the same columns is mapped the same way.
 * Kept in storage.local from the page, not in the store: it is a UI preference, not CRM data, and needs no backup.
 */
const KEY = 'importMappings';
const KEEP = 50;

const remembered = z.object({
  entity: z.enum(['contact', 'company', 'deal']),
  mapping: z.record(z.string(), z.string()),
  savedAt: z.number(),
});
const stored = z.record(z.string(), remembered);
export type RememberedMapping = { entity: ImportEntity; mapping: ColumnMapping; savedAt: number };

async function readAll(): Promise<Record<string, RememberedMapping>> {
  const raw = await readLocal(KEY);
  const parsed = stored.safeParse(raw ?? {});
  // Targets are checked again against the current fields when applied, so a string here is enough.
  return parsed.success ? (parsed.data as Record<string, RememberedMapping>) : {};
}

export async function recallMapping(signature: string): Promise<RememberedMapping | null> {
  try {
    return (await readAll())[signature] ?? null;
  } catch {
    return null;
  }
}

export async function rememberMapping(
  signature: string,
  entity: ImportEntity,
  mapping: ColumnMapping,
  now: number,
): Promise<void> {
  const all = await readAll();
  all[signature] = { entity, mapping, savedAt: now };
  const newest = Object.entries(all)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, KEEP);
  await writeLocal(KEY, Object.fromEntries(newest));
}
