import type { Activity, Company, Contact, Deal, Source, Task } from '../model';
import { normaliseEmail } from '../model';
import { stripRow } from './rows';
import type { CrmDb } from './schema';

export interface ContactCard {
  contact: Contact;
  company: Company | null;
  source: Source | null;
  openDeals: Deal[];
  recentActivities: Activity[];
  nextTask: Task | null;
}

/**
 * Everything the sidebar shows for one contact, read in one transaction through indexes only: the company, the
 * open deals, the newest activities along (contact, time) and the earliest open task.
 */
export async function contactCard(db: CrmDb, contactId: string, activityLimit = 5): Promise<ContactCard | null> {
  const tx = db.transaction(['contacts', 'companies', 'deals', 'activities', 'tasks', 'sources']);
  const row = await tx.objectStore('contacts').get(contactId);
  if (!row || row.deletedAt !== null) return null;
  const contact = stripRow(row) as Contact;
  const [companyRow, source, dealRows, taskRows] = await Promise.all([
    contact.companyId ? tx.objectStore('companies').get(contact.companyId) : undefined,
    contact.sourceId ? tx.objectStore('sources').get(contact.sourceId) : undefined,
    tx.objectStore('deals').index('byContact').getAll(contactId),
    tx.objectStore('tasks').index('byContact').getAll(contactId),
  ]);
  const recentActivities: Activity[] = [];
  let cursor = await tx
    .objectStore('activities')
    .index('byContactTime')
    .openCursor(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]), 'prev');
  while (cursor && recentActivities.length < activityLimit) {
    if (cursor.value.deletedAt === null) recentActivities.push(stripRow(cursor.value) as Activity);
    cursor = await cursor.continue();
  }
  const openTasks = taskRows
    .filter((t) => t.status === 'open' && t.deletedAt === null)
    .sort((a, b) => a.dueAt - b.dueAt);
  return {
    contact,
    company: companyRow && companyRow.deletedAt === null ? (stripRow(companyRow) as Company) : null,
    source: source ?? null,
    openDeals: dealRows.filter((d) => d.deletedAt === null && d.status === 'open').map((d) => stripRow(d) as Deal),
    recentActivities,
    nextTask: openTasks[0] ?? null,
  };
}

/** For each address, the id of the live contact that has it, or null. */
export async function contactIdsForEmails(db: CrmDb, emails: string[]): Promise<Record<string, string | null>> {
  const index = db.transaction('contacts').store.index('byEmail');
  const out: Record<string, string | null> = {};
  await Promise.all(
    emails.map(async (email) => {
      const key = normaliseEmail(email);
      const row = await index.get(key);
      out[key] = row && row.deletedAt === null ? row.id : null;
    }),
  );
  return out;
}
