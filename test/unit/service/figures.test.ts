import { describe, expect, it } from 'vitest';
import { newActivity } from '@/lib/db/activities';
import { BUILT_IN_KIND_IDS, defaultThreadKinds, type ServiceThread } from '@/lib/model';
import { serviceFigures } from '@/lib/service/figures';
import { newThreadRecord } from '@/lib/service/store';
import { fromWallClock } from '@/lib/time/zoned';

const zone = 'Asia/Phnom_Penh';
const settings = { timeZone: zone, workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] } };
const at = (day: number, hour: number, minute = 0) => fromWallClock({ year: 2026, month: 12, day, hour, minute }, zone);
const HOUR = 3_600_000;
const { complaint, inquiry } = BUILT_IN_KIND_IDS;
const dara = '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a0001';
const bopha = '0b1e4f0e-1c1a-4b59-9d70-5a6d0f6a0002';

function thread(id: string, fields: Partial<ServiceThread>): ServiceThread {
  return {
    ...newThreadRecord({ threadId: id, accountIndex: 1, subject: id, ownerRepId: dara }, 0),
    kindBy: 'rep',
    ...fields,
  };
}
const score = (value: number, kindId: string | null, repId: string, occurredAt: number) =>
  newActivity({ type: 'satisfaction', occurredAt, score: value, threadKindId: kindId, repId }, occurredAt);

// December 2026: Monday the 7th to Friday the 11th.
const threads = [
  // Answered in 2 working hours: within the complaint's 4.
  thread('a', { kindId: complaint, firstInboundAt: at(7, 9), firstAnsweredAt: at(7, 11) }),
  // Friday 16:00, answered Monday 12:00: 5 working hours, late.
  thread('b', { kindId: complaint, firstInboundAt: at(4, 16), firstAnsweredAt: at(7, 12), ownerRepId: bopha }),
  // Still waiting since Tuesday 9:00: over its 4 hours on Wednesday.
  thread('c', { kindId: complaint, firstInboundAt: at(8, 9), waitingSince: at(8, 9) }),
  // An inquiry answered from logged mail only.
  thread('d', { kindId: inquiry, firstInboundAt: at(9, 9) }),
];
const input = {
  threads,
  kinds: defaultThreadKinds(),
  scores: [
    score(5, complaint, dara, at(7, 12)),
    score(3, complaint, bopha, at(8, 12)),
    score(4, inquiry, dara, at(9, 12)),
  ],
  answers: [{ threadId: 'd', inboundAt: at(9, 9), repliedAt: at(9, 10) }],
  settings,
  now: at(9, 15),
};

describe('service figures', () => {
  const month = { from: at(1, 0), to: fromWallClock({ year: 2027, month: 1, day: 1, hour: 0, minute: 0 }, zone) };

  it('count, time and judge first answers in working hours, per kind', () => {
    const figures = serviceFigures(input, month);
    const byKind = Object.fromEntries(figures.byKind.map((row) => [row.kindId, row]));
    expect(byKind[complaint]).toMatchObject({
      received: 3,
      answered: 2,
      medianMs: 3.5 * HOUR,
      withinTarget: 1 / 3,
      overTarget: 1,
      count: 2,
      average: 4,
      goodShare: 0.5,
    });
    expect(byKind[inquiry]).toMatchObject({ received: 1, answered: 1, medianMs: HOUR, withinTarget: 1, count: 1 });
    expect(figures.satisfaction).toEqual({ count: 3, average: 4, goodShare: 2 / 3 });
  });

  it('list the threads over target now, with their account, and who holds the waiting ones', () => {
    const figures = serviceFigures(input, month);
    expect(figures.overTarget).toEqual([
      {
        threadId: 'c',
        accountIndex: 1,
        subject: 'c',
        kindId: complaint,
        ownerRepId: dara,
        waitingSince: at(8, 9),
        dueAt: at(8, 13),
      },
    ]);
    expect(figures.holders).toEqual([{ ownerRepId: dara, waiting: 1, overTarget: 1 }]);
  });

  it('narrow to one rep and one period', () => {
    const figures = serviceFigures(input, { from: at(7, 0), to: at(8, 0), repId: bopha });
    expect(figures.overall).toMatchObject({ received: 0 });
    const onlyBopha = serviceFigures(input, { ...month, repId: bopha });
    expect(onlyBopha.overall).toMatchObject({ received: 1, answered: 1, withinTarget: 0 });
    expect(onlyBopha.satisfaction.count).toBe(1);
    expect(serviceFigures(input, month, 'week').byPeriod.some((p) => p.received === 3)).toBe(true);
  });
});
