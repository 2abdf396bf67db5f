import { describe, expect, it } from 'vitest';
import { defaultThreadKinds, type WebmailSnapshot } from '@/lib/model';
import { ruleList, suggestKind } from '@/lib/service/kinds';
import { scoreFromReply } from '@/lib/service/score';
import { mergeWait, threadWait } from '@/lib/service/wait';

describe('a score in a reply', () => {
  it.each([
    ['4', 4],
    ['៤', 4],
    ['  5/5 \nSok Dara\nLucky Retail', 5],
    ['★★★★', 4],
    ['⭐⭐⭐', 3],
    ['4 thanks!', 4],
    ['អរគុណ ៥', 5],
  ])('reads %j as %i', (text, score) => expect(scoreFromReply(text)).toBe(score));

  it.each(['I called 3 times', '6', '0', '', 'Thanks a lot', '★★★★★★', '12'])('finds none in %j', (text) =>
    expect(scoreFromReply(text)).toBeNull(),
  );
});

describe('kinds suggested by rules', () => {
  const kinds = defaultThreadKinds();
  it('finds a word anywhere in an English or Khmer subject', () => {
    expect(suggestKind(kinds, { subject: 'Re: REFUND for order 12' })?.builtIn).toBe('complaint');
    expect(suggestKind(kinds, { subject: 'សុំដឹងតម្លៃម៉ាស៊ីន' })?.builtIn).toBe('inquiry');
    expect(suggestKind(kinds, { subject: 'Lunch on Friday' })).toBeNull();
  });
  it('prefers a label, and skips removed kinds', () => {
    const [inquiry, complaint] = kinds;
    const labelled = [{ ...inquiry!, labels: ['Support'] }, complaint!];
    expect(suggestKind(labelled, { subject: 'refund', labels: ['support'] })?.builtIn).toBe('inquiry');
    expect(suggestKind([{ ...complaint!, deletedAt: 1 }], { subject: 'refund' })).toBeNull();
  });
  it('reads rule lists one per line or comma', () => {
    expect(ruleList('refund, Refund\n\nខូច ,')).toEqual(['refund', 'ខូច']);
  });
});

describe('the wait of a thread on screen', () => {
  const message = (id: string, from: string, time: number) => ({
    id,
    legacyId: null,
    from: { email: from, name: '' },
    to: [],
    cc: [],
    time,
    timeText: '',
    collapsed: false,
    tail: '',
  });
  const thread = (messages: ReturnType<typeof message>[]): NonNullable<WebmailSnapshot['thread']> => ({
    id: 't1',
    permId: null,
    subject: 's',
    messages,
  });
  const me = new Set(['me@shop.kh']);
  it('runs from the first unanswered message, stranger or contact', () => {
    const wait = threadWait(
      thread([message('a', 'x@y.kh', 1000), message('b', 'x@y.kh', 2000)]),
      me,
      'Asia/Phnom_Penh',
      5000,
    );
    expect(wait).toEqual({ firstInboundAt: 1000, firstAnsweredAt: null, waitingSince: 1000, latestAt: 2000 });
  });
  it('ends with the rep’s answer and starts again with the next question', () => {
    const wait = threadWait(
      thread([message('a', 'x@y.kh', 1000), message('b', 'Me@Shop.kh', 3000), message('c', 'x@y.kh', 4000)]),
      me,
      'Asia/Phnom_Penh',
      5000,
    );
    expect(wait).toEqual({ firstInboundAt: 1000, firstAnsweredAt: 3000, waitingSince: 4000, latestAt: 4000 });
  });
  it('asks nothing back of a reply that is just a score', () => {
    const scored = { ...message('c', 'x@y.kh', 4000), tail: '★★★★' };
    const wait = threadWait(
      thread([message('a', 'x@y.kh', 1000), message('b', 'me@shop.kh', 3000), scored]),
      me,
      'Asia/Phnom_Penh',
      5000,
    );
    expect(wait.waitingSince).toBeNull();
  });
  it('keeps what the record saw when the page shows less (older messages folded away)', () => {
    const known = { firstInboundAt: 1000, firstAnsweredAt: 3000, waitingSince: null };
    const folded = { firstInboundAt: 1000, firstAnsweredAt: null, waitingSince: 1000, latestAt: 1000 };
    expect(mergeWait(known, folded)).toEqual(known);
    const asksAgain = { firstInboundAt: 4000, firstAnsweredAt: null, waitingSince: 4000, latestAt: 4000 };
    expect(mergeWait(known, asksAgain)).toEqual({ firstInboundAt: 1000, firstAnsweredAt: 3000, waitingSince: 4000 });
  });
});
