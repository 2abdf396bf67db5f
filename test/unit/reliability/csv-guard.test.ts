import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv/encode';
import { newActivity } from '../../../lib/db/activities';
import { newContact } from '../../../lib/db/contacts';
import { newDeal } from '../../../lib/db/deals';
import { newTask } from '../../../lib/db/tasks';
import {
  activitiesTable,
  companiesTable,
  contactsTable,
  dealsTable,
  type ExportContext,
  tasksTable,
} from '../../../lib/export/tables';
import type { Company } from '../../../lib/model';

/**
 * The formula-injection guard through the export path: records whose every text field starts with a trigger
 * character, exported as each table, parsed back as a spreadsheet would read the file. No cell may start with
 * = + - @ (or tab / CR) once the CSV is read.
 */
const TRIGGERS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1,2)', '\t=1', '\r=1'];
const T0 = Date.UTC(2026, 0, 5);
const id = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = (n: number) => ({ id: id(n), createdAt: T0, updatedAt: T0, deletedAt: null });

const contacts = TRIGGERS.map((t, i) =>
  newContact(
    {
      name: t,
      emails: [{ address: `x${i}@example.com` }],
      phones: [{ number: '-855 12' }],
      jobTitle: t,
      companyId: id(100),
      custom: { note: t },
    },
    T0,
    id(i),
  ),
);
const company: Company = {
  ...base(100),
  name: '=cmd',
  domains: ['example.com'],
  phone: '+855',
  address: '@home',
  ownerId: null,
  custom: {},
};
const deals = TRIGGERS.map((t, i) =>
  newDeal(
    {
      title: t,
      value: { amount: -5000, currency: 'USD' },
      pipelineId: id(300),
      stageId: id(301),
      status: 'lost',
      lostReason: t,
      contactIds: [id(i)],
      companyId: id(100),
    },
    T0,
    id(200 + i),
  ),
);
const activities = TRIGGERS.map((t, i) =>
  newActivity(
    { type: 'note', occurredAt: T0, contactId: id(i), dealId: id(200 + i), subject: t, body: t, outcome: t },
    T0,
    id(400 + i),
  ),
);
const tasks = TRIGGERS.map((t, i) =>
  newTask({ title: t, note: t, kind: 'todo', dueAt: T0, contactId: id(i) }, T0, id(500 + i)),
);

const context: ExportContext = {
  companiesById: new Map([[company.id, company]]),
  contactsById: new Map(contacts.map((c) => [c.id, c])),
  dealsById: new Map(deals.map((d) => [d.id, d])),
  pipelinesById: new Map([
    [
      id(300),
      {
        ...base(300),
        name: '=Pipeline',
        stages: [{ id: id(301), name: '+Stage', probability: 0.5 }],
        ownerId: null,
        order: 0,
      },
    ],
  ]),
  sourcesById: new Map(),
  repsById: new Map(),
  propertyDefs: [
    {
      ...base(600),
      entity: 'contact',
      key: 'note',
      label: 'Note',
      type: 'text',
      options: [],
      required: false,
      order: 0,
    },
  ],
  timeZone: 'Asia/Phnom_Penh',
};

describe('exported CSV cells never start a formula', () => {
  it('leaves a phone number bare, so no apostrophe shows before it', () => {
    const dara = { ...contacts[0]!, phones: [{ number: '+855 12 345 678' }, { number: '+855 (0)23 880-123' }] };
    const table = contactsTable([dara], context);
    const row = Papa.parse<string[]>(toCsv(table.headers, table.rows), { header: false }).data[1] ?? [];
    expect(row[table.headers.indexOf('Phone')]).toBe('+855 12 345 678; +855 (0)23 880-123');
    expect(row[table.headers.indexOf('Name')]).toBe(`'${TRIGGERS[0]}`);
  });

  const tables = {
    contacts: contactsTable(contacts, context),
    companies: companiesTable([company], context),
    deals: dealsTable(deals, context),
    activities: activitiesTable(activities, context),
    tasks: tasksTable(tasks, context),
  };
  it.each(Object.entries(tables))('%s', (_name, table) => {
    const parsed = Papa.parse<string[]>(toCsv(table.headers, table.rows), { header: false });
    const cells = parsed.data.flat();
    expect(cells.length).toBeGreaterThan(table.headers.length);
    // A bare "+855 …" is a phone number, not a formula: no letters, so nothing to call.
    const phones = /^\+[\d ()-]+(?:; ?\+?[\d ()-]+)*$/;
    const dangerous = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !phones.test(cell));
    expect(dangerous).toEqual([]);
    // The payloads are still there, behind the guard's apostrophe.
    expect(cells.some((cell) => /^'+[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});
