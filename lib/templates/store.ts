import { commit, StoreError, validate } from '../db/errors';
import { putRecord, recordTx } from '../db/record-write';
import type { CrmDb } from '../db/schema';
import { type Template, templateSchema } from '../model';

/** The templates a rep can use: live ones, most used first, then by name in their own language's order. */
export async function listTemplates(db: CrmDb): Promise<Template[]> {
  const rows = (await db.getAll('templates')).filter((row) => row.deletedAt === null);
  return rows.sort(
    (a, b) => b.usageCount - a.usageCount || a.name.localeCompare(b.name, a.language) || a.id.localeCompare(b.id),
  );
}

export async function getTemplate(db: CrmDb, id: string): Promise<Template | null> {
  return (await db.get('templates', id)) ?? null;
}

/**
 * Saves what the rep edited (or its tombstone). How often it was used is the store's to count, not the editor's:
 * a save keeps the stored count, so an edit made in a tab opened before the last use does not set it back.
 */
export async function saveTemplate(db: CrmDb, template: Template, now: number): Promise<Template> {
  const tx = recordTx(db, 'templates');
  return commit(tx, async () => {
    const stored = await tx.objectStore('templates').get(template.id);
    const next = validate(
      templateSchema,
      {
        ...template,
        updatedAt: now,
        usageCount: stored?.usageCount ?? 0,
        lastUsedAt: stored?.lastUsedAt ?? null,
      },
      'Template',
    );
    await putRecord(tx, 'templates', next, 'put', now);
    return next;
  });
}

/** One more use: the rep inserted it into a reply or copied it. */
export async function markTemplateUsed(db: CrmDb, id: string, now: number): Promise<Template> {
  const tx = recordTx(db, 'templates');
  return commit(tx, async () => {
    const stored = await tx.objectStore('templates').get(id);
    if (!stored || stored.deletedAt !== null) throw new StoreError('not-found', 'This template no longer exists.');
    const next: Template = { ...stored, usageCount: stored.usageCount + 1, lastUsedAt: now };
    await putRecord(tx, 'templates', next, 'put', now);
    return next;
  });
}
