import { describe, expect, it } from 'vitest';
import { parseGmailFeed } from '@/lib/webmail/gmail-feed';
import { gmailFeedXml } from '../../fixtures/gmail/feed';
import { gmailMessageIds } from '../../fixtures/gmail/generate';

const NOW = Date.UTC(2026, 11, 6, 3, 0);
const AT = NOW - 20 * 60_000 + 17_342;
const DARA = { name: 'គឹម ដារា', email: 'dara.kim@angkortrade.com.kh' };
const entry = { subject: 'Re: តម្លៃ', summary: 'យល់ព្រម', thread: '18d7711562c5e3a1', at: AT, low: 0x3a1f0, from: DARA };

describe('parseGmailFeed', () => {
  it("reads each unread conversation's id, its newest message's id and time, and its sender", () => {
    const xml = gmailFeedXml('sophea@mekonghome.com.kh', [entry, { ...entry, thread: '18d69284eb147a90', low: 7 }]);
    expect(parseGmailFeed(xml, NOW)).toEqual([
      { thread: '18d7711562c5e3a1', message: gmailMessageIds(AT, 0x3a1f0).legacyId, at: AT, from: DARA },
      { thread: '18d69284eb147a90', message: gmailMessageIds(AT, 7).legacyId, at: AT, from: DARA },
    ]);
  });

  it('reads an empty feed as no entries', () => {
    expect(parseGmailFeed(gmailFeedXml('sophea@mekonghome.com.kh', []), NOW)).toEqual([]);
  });

  it.each([
    ['a sign-in page', '<!doctype html><html><head><title>Gmail</title></head><body>Sign in</body></html>'],
    ['an error page', '<html><body><h1>Error 401 (Unauthorized)</h1></body></html>'],
    ['JSON', '{"feed":[]}'],
    ['nothing', ''],
    ['a feed of another format', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'],
    ['a feed cut short', gmailFeedXml('a@b.kh', [entry]).slice(0, -20)],
  ])('reads %s as no facts at all', (_what, text) => {
    expect(parseGmailFeed(text, NOW)).toBeNull();
  });

  it('skips an entry it cannot read whole, keeping the others', () => {
    const good = gmailFeedXml('a@b.kh', [entry]);
    const broken = [
      // no author address
      '<entry><title>x</title><link href="https://mail.google.com/mail?message_id=18d7711562c5e3a1"/><id>tag:gmail.google.com,2004:1790023713568449441</id><author><name>x</name></author></entry>',
      // a thread id that is not Gmail's
      '<entry><link href="https://mail.google.com/mail?message_id=javascript:alert(1)"/><id>tag:gmail.google.com,2004:1790023713568449441</id><author><email>x@y.kh</email></author></entry>',
      // an id past 64 bits, and a date from next year
      '<entry><link href="https://mail.google.com/mail?message_id=18d7711562c5e3a1"/><id>tag:gmail.google.com,2004:99999999999999999999</id><modified>2027-12-01T00:00:00Z</modified><author><email>x@y.kh</email></author></entry>',
    ].join('');
    const xml = good.replace('</feed>', `${broken}</feed>`);
    expect(parseGmailFeed(xml, NOW)?.map((e) => e.thread)).toEqual(['18d7711562c5e3a1']);
  });

  it('keeps markup in names as text and decodes entities once', () => {
    const from = { name: '"><script>alert(1)</script> &amp; Co', email: 'evil@example.com' };
    const [read] = parseGmailFeed(gmailFeedXml('a@b.kh', [{ ...entry, from }]), NOW) ?? [];
    expect(read?.from).toEqual(from);
  });

  it('refuses a feed with far more entries than Gmail lists', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...entry, low: i }));
    expect(parseGmailFeed(gmailFeedXml('a@b.kh', many), NOW)).toBeNull();
  });
});
