import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { tasksToIcs } from '../../../lib/export/ics';
import type { Contact, Deal } from '../../../lib/model';
import { makeTask } from '../reminders/fixtures';

const NOW = Date.UTC(2026, 10, 23, 3, 0);
const contact = {
  id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a0201',
  name: 'សុខ ចាន់ធី',
  emails: [{ address: 'sokha.chan@nbc.gov.kh' }],
} as Contact;
const deal = { id: '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a0301', title: 'Forklifts; 4 units, Kampot' } as Deal;
const links = { contactsById: new Map([[contact.id, contact]]), dealsById: new Map([[deal.id, deal]]) };

/** RFC 5545 §3.1: a folded line continues after CRLF and one space. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

describe('tasksToIcs', () => {
  const call = makeTask({
    title: 'Call Sokha, about the riel quote',
    note: 'Ask for the signed PO\nthen book the truck',
    dueAt: Date.UTC(2026, 10, 24, 2, 0),
    contactId: contact.id,
    dealId: deal.id,
    threadId: '18c2f0a1b2c3d4e5',
    accountIndex: 1,
  });
  const khmer = makeTask({
    title: 'ផ្ញើសម្រង់តម្លៃជាប្រាក់រៀលទៅក្រុមហ៊ុនដឹកជញ្ជូនសុខាមុនថ្ងៃសុក្រនេះ',
    dueAt: Date.UTC(2026, 10, 23, 9),
  });
  const done = makeTask({ title: 'Done already', status: 'done', completedAt: NOW });
  const deleted = makeTask({ title: 'Deleted', deletedAt: NOW });
  const ics = tasksToIcs([call, khmer, done, deleted], links, NOW, 'Sidecar follow-ups');
  const lines = unfold(ics);

  it('is a calendar of CRLF lines of at most 75 octets, with balanced components', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const open: string[] = [];
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z][A-Z0-9-]*(;[^:]*)?:/);
      if (line.startsWith('BEGIN:')) open.push(line.slice(6));
      if (line.startsWith('END:')) expect(open.pop()).toBe(line.slice(4));
    }
    expect(open).toEqual([]);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
  });

  it('has one event per open task, in due order, at its due time in UTC with an alert then', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual([
      `UID:${khmer.id}@sidecar-crm`,
      `UID:${call.id}@sidecar-crm`,
    ]);
    expect(lines.filter((l) => l.startsWith('DTSTART:'))).toEqual([
      'DTSTART:20261123T090000Z',
      'DTSTART:20261124T020000Z',
    ]);
    expect(lines.filter((l) => l === 'TRIGGER:PT0M')).toHaveLength(2);
    expect(lines).toContain('DTSTAMP:20261123T030000Z');
  });

  it('escapes text, keeps Khmer whole across folds, and links the thread, the person and the deal', () => {
    expect(lines).toContain('SUMMARY:Call Sokha\\, about the riel quote');
    expect(lines).toContain(`SUMMARY:${khmer.title}`);
    expect(lines).toContain(
      'DESCRIPTION:Ask for the signed PO\\nthen book the truck\\nសុខ ចាន់ធី — sokha.chan@nbc.gov.kh\\nForklifts\\; 4 units\\, Kampot',
    );
    expect(lines).toContain('URL:https://mail.google.com/mail/u/1/#all/18c2f0a1b2c3d4e5');
    expect(ics).not.toContain('Done already');
    expect(ics).not.toContain('Deleted');
  });

  it('reads back whole in an independent iCalendar parser (Mozilla ical.js)', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual([khmer.title, 'Call Sokha, about the riel quote']);
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual([khmer.dueAt, call.dueAt]);
    expect(events[1]?.description).toBe(
      'Ask for the signed PO\nthen book the truck\nសុខ ចាន់ធី — sokha.chan@nbc.gov.kh\nForklifts; 4 units, Kampot',
    );
    expect(events[1]?.endDate.toJSDate().getTime()).toBe(call.dueAt + 15 * 60_000);
    expect(
      calendar.getAllSubcomponents('vevent')[0]?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action'),
    ).toBe('DISPLAY');
  });
});
