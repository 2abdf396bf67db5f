import type { Activity, ActivityType } from '../../../lib/model/activity';
import { base, CONTACT, pp, REP, REP_ADDRESS, THREAD, uuid } from './dataset-ids';

interface ActivitySpec {
  n: number;
  type: ActivityType;
  at: number;
  rep: keyof typeof REP | null;
  contactId: string | null;
  direction?: 'inbound' | 'outbound';
  threadId?: string;
  deletedAt?: number;
}

function activity(spec: ActivitySpec): Activity {
  const isEmail = spec.type === 'email';
  return {
    ...base(uuid(7, spec.n), spec.at, spec.deletedAt ?? null),
    type: spec.type,
    occurredAt: spec.at,
    contactId: spec.contactId,
    companyId: null,
    dealId: null,
    repId: spec.rep === null ? null : REP[spec.rep],
    subject: isEmail ? 'Re: ការបញ្ជាទិញ' : '', // "Re: the order"
    body: '',
    direction: spec.direction ?? null,
    outcome: '',
    durationMinutes: spec.type === 'call' ? 10 : null,
    threadId: spec.threadId ?? null,
    messageId: isEmail ? `<m${spec.n}@mail.gmail.com>` : null,
    repAddress: isEmail && spec.rep !== null ? REP_ADDRESS[spec.rep] : null,
    timeSource: isEmail ? 'id' : null,
    // Dara reads her mail in the browser's second signed-in account (/mail/u/1/).
    accountIndex: isEmail && spec.rep !== null ? (spec.rep === 'dara' ? 1 : 0) : null,
    score: null,
    threadKindId: null,
  };
}

const email = (
  n: number,
  threadId: string,
  direction: 'inbound' | 'outbound',
  at: number,
  rep: keyof typeof REP,
  contactId: string | null,
  deletedAt?: number,
): Activity =>
  activity({ n, type: 'email', at, rep, contactId, direction, threadId, ...(deletedAt ? { deletedAt } : {}) });

/**
 * Reply samples, by reply time (hours): March T1 1 (sokha), T2 4 and 0.5 (sokha), T3 24 (dara), T4 2 (dara),
 * T6 9 (dara, asked 28 Feb, answered 1 Mar); February T5 3 (sokha). T7 and T8 are still waiting at NOW.
 */
export const activities: Activity[] = [
  // T1: in 2 Mar 09:00, out 10:00 → 1 h. a24: a new inbound after NOW, ignored by waitingThreads(NOW).
  email(1, THREAD.t1, 'inbound', pp(2026, 3, 2, 9), 'sokha', CONTACT.c1),
  email(2, THREAD.t1, 'outbound', pp(2026, 3, 2, 10), 'sokha', CONTACT.c1),
  // T2: two inbound (09:00, 11:00), reply 13:00 → 4 h from the first; a follow-up at 14:00 is no sample;
  // in 4 Mar 09:00, out 09:30 → 0.5 h.
  email(3, THREAD.t2, 'inbound', pp(2026, 3, 3, 9), 'sokha', CONTACT.c2),
  email(4, THREAD.t2, 'inbound', pp(2026, 3, 3, 11), 'sokha', CONTACT.c2),
  email(5, THREAD.t2, 'outbound', pp(2026, 3, 3, 13), 'sokha', CONTACT.c2),
  email(6, THREAD.t2, 'outbound', pp(2026, 3, 3, 14), 'sokha', CONTACT.c2),
  email(7, THREAD.t2, 'inbound', pp(2026, 3, 4, 9), 'sokha', CONTACT.c2),
  email(8, THREAD.t2, 'outbound', pp(2026, 3, 4, 9, 30), 'sokha', CONTACT.c2),
  // T3: a tombstoned inbound at 08:00 (would make it 25 h), in 5 Mar 09:00, out 6 Mar 09:00 → 24 h.
  email(9, THREAD.t3, 'inbound', pp(2026, 3, 5, 8), 'dara', CONTACT.c3, pp(2026, 3, 5, 12)),
  email(10, THREAD.t3, 'inbound', pp(2026, 3, 5, 9), 'dara', CONTACT.c3),
  email(11, THREAD.t3, 'outbound', pp(2026, 3, 6, 9), 'dara', CONTACT.c3),
  // T4: the rep writes first (no sample), in 10 Mar 09:00, out 11:00 → 2 h.
  email(12, THREAD.t4, 'outbound', pp(2026, 3, 9, 9), 'dara', CONTACT.c1),
  email(13, THREAD.t4, 'inbound', pp(2026, 3, 10, 9), 'dara', CONTACT.c1),
  email(14, THREAD.t4, 'outbound', pp(2026, 3, 10, 11), 'dara', CONTACT.c1),
  // T5 (February): in 10 Feb 09:00, out 12:00 → 3 h.
  email(15, THREAD.t5, 'inbound', pp(2026, 2, 10, 9), 'sokha', CONTACT.c7),
  email(16, THREAD.t5, 'outbound', pp(2026, 2, 10, 12), 'sokha', CONTACT.c7),
  // T6: in 28 Feb 22:00, out 1 Mar 07:00 → 9 h, counted in March (the reply's period).
  email(17, THREAD.t6, 'inbound', pp(2026, 2, 28, 22), 'dara', CONTACT.c3),
  email(18, THREAD.t6, 'outbound', pp(2026, 3, 1, 7), 'dara', CONTACT.c3),
  // T7: waiting since 30 Mar 09:00 (two unanswered messages) → 47 h at NOW.
  email(19, THREAD.t7, 'inbound', pp(2026, 3, 30, 9), 'sokha', CONTACT.c2),
  email(20, THREAD.t7, 'inbound', pp(2026, 3, 31, 9), 'sokha', CONTACT.c2),
  // T8: the rep wrote, the contact answered 31 Mar 15:00 → waiting 17 h at NOW.
  email(21, THREAD.t8, 'outbound', pp(2026, 3, 31, 10), 'dara', CONTACT.c3),
  email(22, THREAD.t8, 'inbound', pp(2026, 3, 31, 15), 'dara', CONTACT.c3),
  // T9: inbound from nobody in the CRM (a newsletter): not a wait.
  email(23, THREAD.t9, 'inbound', pp(2026, 3, 25, 9), 'sokha', null),
  email(24, THREAD.t1, 'inbound', pp(2026, 4, 1, 9), 'sokha', CONTACT.c1),
  // Other activities.
  activity({ n: 101, type: 'call', at: pp(2026, 3, 5, 10), rep: 'sokha', contactId: CONTACT.c1 }),
  activity({ n: 102, type: 'call', at: pp(2026, 3, 12, 14), rep: 'dara', contactId: CONTACT.c3 }),
  activity({ n: 103, type: 'meeting', at: pp(2026, 3, 18, 10), rep: 'sokha', contactId: CONTACT.c2 }),
  activity({ n: 104, type: 'note', at: pp(2026, 3, 31, 23, 30), rep: 'sokha', contactId: CONTACT.c4 }),
  activity({ n: 105, type: 'note', at: pp(2026, 4, 1, 0, 30), rep: 'dara', contactId: CONTACT.c3 }),
  activity({ n: 106, type: 'call', at: pp(2026, 2, 15, 10), rep: 'sokha', contactId: CONTACT.c1 }),
  activity({ n: 107, type: 'voicemail', at: pp(2026, 3, 8, 10), rep: null, contactId: CONTACT.c2 }),
  activity({
    n: 108,
    type: 'call',
    at: pp(2026, 3, 9, 10),
    rep: 'sokha',
    contactId: CONTACT.c1,
    deletedAt: pp(2026, 3, 9, 11),
  }),
];
