import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv/encode';
import { newActivity } from '../../../lib/db/activities';
import { newTask } from '../../../lib/db/tasks';
import { activitiesTable, formatMajorUnits, tasksTable } from '../../../lib/export/tables';
import { base, company, contacts, deals, exportContext, rep, T0 } from './records';

describe('formatMajorUnits', () => {
  it('writes minor units as a decimal of major units, exactly', () => {
    expect(formatMajorUnits(125050, 'USD')).toBe('1250.50');
    expect(formatMajorUnits(5, 'USD')).toBe('0.05');
    expect(formatMajorUnits(-125005, 'USD')).toBe('-1250.05');
    expect(formatMajorUnits(4_100_000, 'KHR')).toBe('4100000');
    expect(formatMajorUnits(1234, 'JPY')).toBe('1234');
    expect(formatMajorUnits(900_719_925_474_099, 'USD')).toBe('9007199254740.99');
  });
});

describe('activities and tasks', () => {
  it("export with names in place of ids and times as the rep's wall clock", () => {
    const activity = newActivity(
      {
        type: 'call',
        occurredAt: T0,
        contactId: contacts[0]!.id,
        companyId: company.id,
        dealId: deals[0]!.id,
        repId: rep.id,
        subject: 'ហៅទូរស័ព្ទ',
        body: '-- notes --',
        direction: 'outbound',
        outcome: 'Connected',
        durationMinutes: 12,
      },
      T0,
      base(30).id,
    );
    const table = activitiesTable([activity], exportContext);
    expect(Object.fromEntries(table.headers.map((header, index) => [header, table.rows[0]?.[index]]))).toEqual({
      ID: activity.id,
      Type: 'call',
      'Occurred At': '2025-03-04 10:30',
      Contact: 'សុខ ដារ៉ា',
      'Contact Email': 'Dara@Angkor.com.kh',
      Company: company.name,
      Deal: deals[0]!.title,
      Subject: 'ហៅទូរស័ព្ទ',
      Body: '-- notes --',
      Direction: 'outbound',
      Outcome: 'Connected',
      'Duration (min)': '12',
      Owner: rep.email,
    });
    expect(toCsv(table.headers, table.rows)).toContain(",'-- notes --,");

    const task = newTask({ title: 'Follow up', kind: 'no-reply', dueAt: Date.UTC(2025, 2, 5, 2, 0) }, T0, base(31).id);
    expect(tasksTable([task], exportContext).rows[0]).toEqual([
      task.id,
      'Follow up',
      '',
      'no-reply',
      'open',
      '2025-03-05 09:00',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});
