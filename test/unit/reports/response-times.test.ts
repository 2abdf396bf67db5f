import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import type { ThreadFact } from '../../../lib/model/inbox-seen';
import {
  factSamples,
  type ResponseTimeFilter,
  responseSamples,
  responseTimeStats,
  waitingThreads,
} from '../../../lib/reports/response-times';
import { activities, CONTACT, FEBRUARY, HOUR, MARCH, NOW, pp, REP, REP_ADDRESS, THREAD, TZ } from './dataset';

const march: ResponseTimeFilter = { from: MARCH.start, to: MARCH.end, timeZone: TZ };

describe('responseSamples', () => {
  it('measures each wait from the first unanswered inbound to the next reply', () => {
    const samples = responseSamples(activities).map((s) => [s.threadId, s.ms / HOUR, s.repId]);
    expect(samples).toEqual([
      [THREAD.t5, 3, REP.sokha], // February
      [THREAD.t6, 9, REP.dara], // 28 Feb 22:00 → 1 Mar 07:00
      [THREAD.t1, 1, REP.sokha],
      [THREAD.t2, 4, REP.sokha], // from the first of two inbound (09:00), not the second (11:00)
      [THREAD.t2, 0.5, REP.sokha], // the 14:00 follow-up made no sample; this is the 4 Mar exchange
      [THREAD.t3, 24, REP.dara], // the tombstoned 08:00 inbound would have made it 25
      [THREAD.t4, 2, REP.dara], // the rep's opening email on 9 Mar made no sample
    ]);
  });
});

describe('responseTimeStats', () => {
  it('gives the median and p90 of an even count overall', () => {
    // March replies (h): 1, 4, 0.5, 24, 2, 9 → sorted 0.5, 1, 2, 4, 9, 24 (n = 6).
    // Median: h = 5 × 0.5 = 2.5 → 2 + 0.5 × (4 − 2) = 3 h.
    // p90:    h = 5 × 0.9 = 4.5 → 9 + 0.5 × (24 − 9) = 16.5 h.
    expect(responseTimeStats(activities, march).overall).toEqual({ count: 6, medianMs: 3 * HOUR, p90Ms: 16.5 * HOUR });
  });

  it('gives the median and p90 of odd counts per rep', () => {
    // Sokha: 0.5, 1, 4 → median 1 h; p90: h = 2 × 0.9 = 1.8 → 1 + 0.8 × (4 − 1) = 3.4 h.
    // Dara:  2, 9, 24  → median 9 h; p90: h = 1.8 → 9 + 0.8 × (24 − 9) = 21 h.
    const { byRep } = responseTimeStats(activities, march);
    expect(
      byRep.map(({ repId, repAddress, count, medianMs, p90Ms }) => [repId, repAddress, count, medianMs, p90Ms]),
    ).toEqual([
      // Equal counts: ordered by rep id.
      [REP.sokha, REP_ADDRESS.sokha, 3, 1 * HOUR, 3.4 * HOUR],
      [REP.dara, REP_ADDRESS.dara, 3, 9 * HOUR, 21 * HOUR],
    ]);
  });

  it('filters to the answering rep', () => {
    expect(responseTimeStats(activities, { ...march, repId: REP.sokha }).overall).toEqual({
      count: 3,
      medianMs: 1 * HOUR,
      p90Ms: 3.4 * HOUR,
    });
  });

  it('puts a reply in the period it was sent in, in the rep’s zone', () => {
    // February holds T5 (3 h) only: T6's inbound is 28 Feb but its reply is 1 Mar 07:00 local (00:00Z).
    expect(responseTimeStats(activities, { ...march, from: FEBRUARY.start, to: FEBRUARY.end }).overall).toEqual({
      count: 1,
      medianMs: 3 * HOUR,
      p90Ms: 3 * HOUR,
    });
  });

  it('buckets by local week', () => {
    // Week of 23 Feb (Sun 1 Mar): T6 9 h. Week of 2 Mar: 1, 4, 0.5, 24 → sorted 0.5, 1, 4, 24:
    // median (1 + 4) / 2 = 2.5 h; p90 h = 3 × 0.9 = 2.7 → 4 + 0.7 × 20 = 18 h. Week of 9 Mar: T4 2 h. Rest empty.
    const { byPeriod } = responseTimeStats(activities, march);
    expect(byPeriod.map(({ key, count, medianMs, p90Ms }) => [key, count, medianMs, p90Ms])).toEqual([
      ['2026-02-23', 1, 9 * HOUR, 9 * HOUR],
      ['2026-03-02', 4, 2.5 * HOUR, 18 * HOUR],
      ['2026-03-09', 1, 2 * HOUR, 2 * HOUR],
      ['2026-03-16', 0, null, null],
      ['2026-03-23', 0, null, null],
      ['2026-03-30', 0, null, null],
    ]);
  });

  it('says nothing rather than zero when there are no replies', () => {
    const june = { ...march, from: pp(2026, 6, 1), to: pp(2026, 7, 1), bucket: 'month' as const };
    expect(responseTimeStats(activities, june)).toEqual({
      overall: { count: 0, medianMs: null, p90Ms: null },
      byRep: [],
      byPeriod: [{ key: '2026-06', start: pp(2026, 6, 1), end: pp(2026, 7, 1), count: 0, medianMs: null, p90Ms: null }],
    });
  });

  it('groups replies logged without a rep id by address', () => {
    const anonymous = activities.map((activity): Activity => ({ ...activity, repId: null }));
    const { byRep } = responseTimeStats(anonymous, march);
    expect(byRep.map((rep) => [rep.repId, rep.repAddress, rep.count])).toEqual([
      [null, REP_ADDRESS.dara, 3],
      [null, REP_ADDRESS.sokha, 3],
    ]);
  });
});

describe('waitingThreads', () => {
  it('lists threads whose last word is the contact’s, oldest wait first', () => {
    // T7: first unanswered 30 Mar 09:00 → NOW (1 Apr 08:00) = 47 h, two messages.
    // T8: 31 Mar 15:00 → 17 h. Not: T1 (its 1 Apr 09:00 inbound is after NOW), T9 (no contact), answered threads.
    expect(waitingThreads(activities, NOW)).toEqual([
      {
        threadId: THREAD.t7,
        contactId: CONTACT.c2,
        repId: REP.sokha,
        accountIndex: 0,
        since: pp(2026, 3, 30, 9),
        waitingMs: 47 * HOUR,
        messages: 2,
        lastInboundAt: pp(2026, 3, 31, 9),
      },
      {
        threadId: THREAD.t8,
        contactId: CONTACT.c3,
        repId: REP.dara,
        accountIndex: 1,
        since: pp(2026, 3, 31, 15),
        waitingMs: 17 * HOUR,
        messages: 1,
        lastInboundAt: pp(2026, 3, 31, 15),
      },
    ]);
  });

  it('links to the account of the latest message seen in one when the first was logged before accounts were kept', () => {
    const t8 = activities.filter((a) => a.threadId === THREAD.t8);
    const older = activities.map((a) => (a.threadId === THREAD.t8 ? { ...a, accountIndex: null } : a));
    expect(waitingThreads(older, NOW).find((w) => w.threadId === THREAD.t8)?.accountIndex).toBeNull();
    const first = t8.find((a) => a.occurredAt === pp(2026, 3, 31, 15))!;
    const later = {
      ...first,
      id: crypto.randomUUID(),
      messageId: '<later@mail.gmail.com>',
      occurredAt: pp(2026, 3, 31, 16),
      accountIndex: 2,
    };
    const mixed = [...older, later];
    expect(waitingThreads(mixed, NOW).find((w) => w.threadId === THREAD.t8)?.accountIndex).toBe(2);
  });

  it('reads an inbound logged in the same instant as the rep’s email as coming after it', () => {
    // Move T4's reply (a14, 10 Mar 11:00) onto the contact's 09:00 message (a13). A reply cannot be sent in the
    // instant the message it answers arrives, so a13 is read as the later one: no 0 ms sample, and T4 waits from
    // 10 Mar 09:00 → 21 days 23 h = 527 h at NOW (1 Apr 08:00).
    const sameInstant = activities.map((activity) =>
      activity.messageId === '<m14@mail.gmail.com>' ? { ...activity, occurredAt: pp(2026, 3, 10, 9) } : activity,
    );
    expect(waitingThreads(sameInstant, NOW).map((thread) => [thread.threadId, thread.waitingMs])).toEqual([
      [THREAD.t4, 527 * HOUR],
      [THREAD.t7, 47 * HOUR],
      [THREAD.t8, 17 * HOUR],
    ]);
    expect(responseSamples(sameInstant).some((sample) => sample.ms === 0)).toBe(false);
  });

  it('sees the new inbound on T1 once it has happened', () => {
    // At 1 Apr 10:00 local, T1's 09:00 inbound has waited 1 h.
    const later = waitingThreads(activities, pp(2026, 4, 1, 10));
    expect(later.map((thread) => [thread.threadId, thread.waitingMs])).toEqual([
      [THREAD.t7, 49 * HOUR],
      [THREAD.t8, 19 * HOUR],
      [THREAD.t1, 1 * HOUR],
    ]);
  });
});

describe('thread facts in response times', () => {
  const at = (day: number, hour: number) => pp(2026, 3, day, hour, 0);
  const fact = (threadId: string, events: [number, 'inbound' | 'outbound'][]): ThreadFact => ({
    threadId,
    accountIndex: 0,
    repAddress: REP_ADDRESS.sokha,
    repId: REP.sokha,
    events: events.map(([when, direction], i) => ({
      messageId: `${threadId}-${i}`,
      at: when,
      from: direction === 'inbound' ? 'vanna@siemreap-hotel.com.kh' : REP_ADDRESS.sokha,
      direction,
    })),
    updatedAt: NOW,
  });

  it("counts a stranger's thread seen only in lists, and leaves a thread with logged mail to its activities", () => {
    const stranger = fact('stranger', [
      [at(10, 9), 'inbound'],
      [at(10, 10), 'inbound'],
      [at(10, 15), 'outbound'],
      [at(11, 9), 'outbound'],
    ]);
    // The same messages as the logged thread t1: counted once, from its activities.
    const logged = fact(THREAD.t1, [
      [at(2, 9), 'inbound'],
      [at(2, 11), 'outbound'],
    ]);
    const without = responseTimeStats(activities, march);
    const withFacts = responseTimeStats(activities, march, [stranger, logged]);
    expect(withFacts.overall.count).toBe(without.overall.count + 1);
    expect(factSamples([stranger, logged], activities)).toEqual([
      expect.objectContaining({ threadId: 'stranger', contactId: null, ms: 6 * HOUR, repId: REP.sokha }),
    ]);
    // The answering rep's filter applies to them as to logged mail.
    expect(responseTimeStats(activities, { ...march, repId: REP.dara }, [stranger]).overall.count).toBe(
      responseTimeStats(activities, { ...march, repId: REP.dara }).overall.count,
    );
  });
});
