import { webmailThreadUrl } from '../dashboard/links';
import type { Contact } from '../model/contact';
import type { Deal } from '../model/deal';
import type { Task } from '../model/task';
import { escapeText, foldLine } from './content-lines';

/**
 * The open follow-ups as an iCalendar file (RFC 5545) for a phone's or a web calendar: where the extension cannot
 * run, the calendar still reminds the rep. One 15-minute event per task at its due time, with an alert then; the
 * task id is the event's UID, so importing a newer file updates the events instead of doubling them.
 */
export interface IcsLinks {
  contactsById: ReadonlyMap<string, Contact>;
  dealsById: ReadonlyMap<string, Deal>;
}

/** 20261124T020000Z: UTC date-time, the form every calendar reads without a time-zone definition. */
function utc(epoch: number): string {
  return new Date(epoch)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function description(task: Task, links: IcsLinks): string {
  const contact = task.contactId ? links.contactsById.get(task.contactId) : undefined;
  const deal = task.dealId ? links.dealsById.get(task.dealId) : undefined;
  const lines = [
    task.note.trim(),
    contact ? [contact.name, contact.emails[0]?.address].filter(Boolean).join(' — ') : '',
    deal?.title ?? '',
  ];
  return lines.filter(Boolean).join('\n');
}

function event(task: Task, links: IcsLinks, now: number): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${task.id}@sidecar-crm`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(task.dueAt)}`,
    'DURATION:PT15M',
    `SUMMARY:${escapeText(task.title)}`,
  ];
  const text = description(task, links);
  if (text) lines.push(`DESCRIPTION:${escapeText(text)}`);
  if (task.threadId && task.accountIndex !== null)
    lines.push(`URL:${webmailThreadUrl(task.accountIndex, task.threadId)}`);
  lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(task.title)}`, 'TRIGGER:PT0M', 'END:VALARM');
  lines.push('END:VEVENT');
  return lines;
}

/** Open, live tasks only: done and cancelled ones have nothing left to remind of. */
export function tasksToIcs(tasks: readonly Task[], links: IcsLinks, now: number, calendarName: string): string {
  const open = tasks.filter((task) => task.deletedAt === null && task.status === 'open');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sidecar CRM//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...open.sort((a, b) => a.dueAt - b.dueAt).flatMap((task) => event(task, links, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
