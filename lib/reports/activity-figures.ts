/** Figures of the work around the deals: activities logged, tasks overdue, and new contacts by source. */
import type { ActivityType } from '../model/activity';
import { ACTIVITY_TYPES } from '../model/activity';
import type { Task } from '../model/task';
import { type FiguresInput, inRange, live, repMatches } from './figures';

export interface RepActivities {
  /** Null for activities logged with no rep. */
  repId: string | null;
  total: number;
  byType: Record<ActivityType, number>;
}

/** Activities that occurred in the period, per rep and type; busiest rep first. */
export function activitiesPerRepAndType(input: FiguresInput): RepActivities[] {
  const byRep = new Map<string | null, RepActivities>();
  for (const activity of input.activities) {
    if (!live(activity) || !inRange(activity.occurredAt, input.filter)) continue;
    if (!repMatches(activity.repId, input.filter)) continue;
    let entry = byRep.get(activity.repId);
    if (!entry) {
      const byType = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<ActivityType, number>;
      entry = { repId: activity.repId, total: 0, byType };
      byRep.set(activity.repId, entry);
    }
    entry.total += 1;
    entry.byType[activity.type] += 1;
  }
  return [...byRep.values()].sort((a, b) => b.total - a.total || (a.repId ?? '').localeCompare(b.repId ?? ''));
}

export interface OverdueTask {
  task: Task;
  overdueMs: number;
}

/** Open tasks due before `now`, oldest first. "Overdue" is about now, so the period filter does not apply. */
export function overdueTasks(input: FiguresInput): OverdueTask[] {
  return input.tasks
    .filter(
      (task) =>
        live(task) && task.status === 'open' && task.dueAt < input.now && repMatches(task.ownerId, input.filter),
    )
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .map((task) => ({ task, overdueMs: input.now - task.dueAt }));
}

export interface SourceCount {
  /** Null for contacts with no source recorded. */
  sourceId: string | null;
  /** Contacts created in the period from this source. */
  contacts: number;
  /** Of those, the ones whose lifecycle is still 'lead'. */
  leads: number;
}

/**
 * Contacts created in the period, grouped by source. Every new contact counts, not only those whose lifecycle is
 * 'lead': the store keeps a contact's current lifecycle, not the one it had when created, so a lead from a trade
 * show that was qualified to opportunity a week later would vanish from a leads-only count, and the sources that
 * convert best would look worst. `leads` still says how many remain leads. Most contacts first.
 */
export function newLeadsBySource(input: FiguresInput): SourceCount[] {
  const bySource = new Map<string | null, SourceCount>();
  for (const contact of input.contacts) {
    if (!live(contact) || !inRange(contact.createdAt, input.filter)) continue;
    if (!repMatches(contact.ownerId, input.filter)) continue;
    const entry = bySource.get(contact.sourceId) ?? { sourceId: contact.sourceId, contacts: 0, leads: 0 };
    entry.contacts += 1;
    if (contact.lifecycle === 'lead') entry.leads += 1;
    bySource.set(contact.sourceId, entry);
  }
  return [...bySource.values()].sort(
    (a, b) => b.contacts - a.contacts || (a.sourceId ?? '\uffff').localeCompare(b.sourceId ?? '\uffff'),
  );
}
