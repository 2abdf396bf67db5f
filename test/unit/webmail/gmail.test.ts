import { normalizeEmail } from '@/lib/model/email';
import { type WebmailSnapshot, webmailSnapshot } from '@/lib/model/snapshot';
import { parseGmailTime, readGmailSnapshot } from '@/lib/webmail/gmail';
import {
  GMAIL_FIXTURES,
  type GmailFixtureName,
  gmailFixtureHtml,
  gmailFixtureLocation,
} from '../../fixtures/gmail/index';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function read(name: GmailFixtureName): WebmailSnapshot {
  return readGmailSnapshot(parse(gmailFixtureHtml(name)), gmailFixtureLocation(name));
}

const emails = (people: { email: string }[]) => people.map((p) => p.email);

describe('readGmailSnapshot on the fixtures', () => {
  it.each(Object.keys(GMAIL_FIXTURES) as GmailFixtureName[])('%s gives a snapshot the schema accepts', (name) => {
    const snapshot = read(name);
    expect(() => webmailSnapshot.parse(snapshot)).not.toThrow();
    expect(snapshot.provider).toBe('gmail');
  });

  it('reads a thread of three expanded messages', () => {
    const s = read('thread-expanded');
    expect(s.view).toBe('thread');
    expect(s.account).toBe('sophea@mekonghome.com.kh');
    expect(s.accountIndex).toBe(0);
    expect(s.problem).toBeNull();
    expect(s.thread?.id).toBe('18d1a2b3c4d5e6f7');
    expect(s.thread?.permId).toBe('thread-f:1788200000000000001');
    expect(s.thread?.subject).toBe('Quotation: 40ft container PP 🚚 SHV');
    const messages = s.thread?.messages ?? [];
    expect(messages.map((m) => m.id)).toEqual([
      'msg-f:1788200000000000001',
      'msg-f:1788200000000000002',
      'msg-f:1788200000000000003',
    ]);
    expect(messages.map((m) => m.legacyId)).toEqual(['18d1a2b3c4d5e6f7', '18d1a2b3c4d5e700', '18d1a2b3c4d5e7a1']);
    expect(messages.every((m) => !m.collapsed)).toBe(true);
    const [first, second, third] = messages;
    expect(first?.from).toEqual({ email: 'Dara.Kim+Quotes@AngkorTrade.com.kh', name: 'Dara Kim' });
    expect(emails(first?.to ?? [])).toEqual(['sophea@mekonghome.com.kh']);
    expect(emails(first?.cc ?? [])).toEqual(['bopha.chea@luckyretail.com.kh']);
    expect(emails(second?.cc ?? [])).toEqual(['bopha.chea@luckyretail.com.kh', 'chanthy.sok@sokha-transport.com.kh']);
    expect(third?.from?.name).toBe('សុខ ចាន់ធី');
    expect(first?.time).toBe(new Date(2024, 0, 16, 10, 15).getTime());
    expect(first?.timeText).toBe('Tue, Jan 16, 2024, 10:15 AM');
    expect(third?.time).toBe(new Date(2024, 0, 17, 8, 5).getTime());
  });

  it('keeps the signature in the tail and leaves quoted history out', () => {
    const [first, second, third] = read('thread-expanded').thread?.messages ?? [];
    expect(
      first?.tail.endsWith(
        '--\nDara Kim\nSales Manager | Angkor Trade Co., Ltd.\nTel: +855 12 345 678\nwww.angkortrade.com.kh',
      ),
    ).toBe(true);
    expect(second?.tail).not.toContain('wrote:');
    expect(second?.tail).not.toContain('Please find our quotation');
    expect(third?.tail).toContain('ទូរស័ព្ទ: ០១២ ៣៤៥ ៦៧៨');
    expect(third?.tail).not.toContain('099 999 999');
  });

  it('lists participants once each, roles merged, the rep left out', () => {
    const s = read('thread-expanded');
    expect(s.participants).toEqual([
      { email: 'Dara.Kim+Quotes@AngkorTrade.com.kh', name: 'Dara Kim', roles: ['from', 'to'] },
      { email: 'bopha.chea@luckyretail.com.kh', name: 'Bopha Chea', roles: ['cc'] },
      { email: 'chanthy.sok@sokha-transport.com.kh', name: 'សុខ ចាន់ធី', roles: ['from', 'cc'] },
    ]);
  });

  it('keeps a plus address as shown and matches it in normalised form', () => {
    const dara = read('thread-expanded').participants[0]!;
    expect(dara.email).toBe('Dara.Kim+Quotes@AngkorTrade.com.kh');
    expect(normalizeEmail(dara.email)).toBe('dara.kim+quotes@angkortrade.com.kh');
  });

  it('reads nothing from views Gmail keeps hidden', () => {
    const s = read('thread-inline-reply');
    expect(JSON.stringify(s)).not.toContain('old.person@example.com');
    expect(s.thread?.id).toBe('18cf00aa11bb22cc');
  });

  it('tells shown from hidden per message, however deep the thread sits', () => {
    const doc = parse(gmailFixtureHtml('thread-expanded'));
    const messages = [...doc.querySelectorAll('div.adn[data-message-id]')];
    const first = messages[0] as Element;
    const hiddenWrapper = doc.createElement('div');
    hiddenWrapper.setAttribute('hidden', '');
    first.replaceWith(hiddenWrapper);
    hiddenWrapper.append(first);
    const shownCount = readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded')).thread?.messages.length;
    expect(shownCount).toBe(messages.length - 1);

    const main = doc.querySelector('[role=main]') as Element;
    let innermost = doc.createElement('div');
    const outermost = innermost;
    for (let i = 0; i < 500; i++) innermost = innermost.appendChild(doc.createElement('div'));
    innermost.append(...main.childNodes);
    main.append(outermost);
    const deep = readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded'));
    expect(deep.problem).toBeNull();
    expect(deep.thread?.messages.length).toBe(messages.length - 1);
  });

  it('reads collapsed messages by their header and skips the "N older" ones Gmail has not rendered', () => {
    const s = read('thread-collapsed');
    const messages = s.thread?.messages ?? [];
    expect(messages).toHaveLength(4);
    expect(messages.map((m) => m.collapsed)).toEqual([true, true, true, false]);
    expect(messages.slice(0, 3).every((m) => m.tail === '')).toBe(true);
    expect(messages[1]?.from?.email).toBe('sophea@mekonghome.com.kh');
    expect(messages[2]?.time).toBe(new Date(2024, 0, 13, 18, 12).getTime());
    expect(messages[3]?.tail).toContain('Mobile: (012) 345-678');
    // Collapsed headers show no recipients, so the rep's own collapsed message adds no "to" role.
    expect(s.participants.map((p) => [p.email, p.roles])).toEqual([
      ['bopha.chea@luckyretail.com.kh', ['from']],
      ['michael.tan@mekongfreight.sg', ['from', 'cc']],
    ]);
  });

  it('reads a chip-UI compose dialog over the inbox', () => {
    const s = read('compose-chips');
    expect(s.view).toBe('compose');
    expect(s.thread).toBeNull();
    expect(s.composes).toHaveLength(2);
    const [c, empty] = s.composes;
    expect(c).toEqual({
      id: '#msg-a:r-8150128823469143315',
      inline: false,
      subject: 'Price list 2025',
      to: [
        { email: 'Dara.Kim+Quotes@AngkorTrade.com.kh', name: 'Dara Kim' },
        { email: 'michael.tan@mekongfreight.sg', name: '' },
      ],
      cc: [
        { email: 'chanthy.sok@sokha-transport.com.kh', name: 'សុខ ចាន់ធី' },
        { email: 'bopha.chea@luckyretail.com.kh', name: 'Bopha Chea' },
      ],
      bcc: [],
    });
    // A new draft Gmail has not saved holds the string "undefined": the key falls back to its index.
    expect(empty).toMatchObject({ id: 'compose-1', subject: '', to: [], cc: [], bcc: [] });
    expect(s.participants.map((p) => [p.email, p.roles])).toEqual([
      ['Dara.Kim+Quotes@AngkorTrade.com.kh', ['to']],
      ['michael.tan@mekongfreight.sg', ['to']],
      ['chanthy.sok@sokha-transport.com.kh', ['cc']],
      ['bopha.chea@luckyretail.com.kh', ['cc']],
    ]);
  });

  it('reads the old compose UI', () => {
    const [c] = read('compose-old-ui').composes;
    expect(c?.id).toBe('#msg-a:r4412398817350066011');
    expect(c?.subject).toBe('Re: Container seal numbers');
    expect(c?.to).toEqual([
      { email: 'Dara.Kim+Quotes@AngkorTrade.com.kh', name: 'Dara Kim' },
      { email: 'bopha.chea@luckyretail.com.kh', name: '' },
    ]);
    expect(c?.cc).toEqual([{ email: 'chanthy.sok@sokha-transport.com.kh', name: 'សុខ ចាន់ធី' }]);
    expect(c?.bcc).toEqual([{ email: 'Bopha.Chea@LuckyRetail.com.kh', name: 'Chea, Bopha' }]);
    const bopha = read('compose-old-ui').participants.find(
      (p) => normalizeEmail(p.email) === 'bopha.chea@luckyretail.com.kh',
    );
    expect(bopha?.roles).toEqual(['to', 'bcc']);
    expect(bopha?.name).toBe('Chea, Bopha');
  });

  it('reads an inline reply as an inline compose of the open thread', () => {
    const s = read('thread-inline-reply');
    expect(s.view).toBe('thread');
    expect(s.composes).toEqual([
      {
        id: '#msg-a:r-2233445566778899001',
        inline: true,
        subject: 'Re: Reefer availability in February',
        to: [{ email: 'michael.tan@mekongfreight.sg', name: 'Michael Tan' }],
        cc: [{ email: 'vannak.ouk@mekongfreight.sg', name: 'Vannak Ouk' }],
        bcc: [],
      },
    ]);
    expect(s.participants.map((p) => [p.email, p.roles])).toEqual([
      ['michael.tan@mekongfreight.sg', ['from', 'to']],
      ['vannak.ouk@mekongfreight.sg', ['cc']],
    ]);
  });

  it('reads the inbox as a list with no participants', () => {
    const s = read('list-inbox');
    expect(s).toMatchObject({ view: 'list', thread: null, participants: [], composes: [], problem: null });
  });

  it('reads a second, Workspace account and ignores a perm id of "undefined"', () => {
    const s = read('second-account');
    expect(s.accountIndex).toBe(1);
    expect(s.account).toBe('sophea@angkorlogistics.com.kh');
    expect(s.thread?.id).toBe('18d2b3c4d5e6f708');
    expect(s.thread?.permId).toBeNull();
    expect(s.thread?.messages[0]?.time).toBe(new Date(2024, 0, 19, 15, 4).getTime());
  });

  it('reads a single message when conversation view is off', () => {
    const s = read('single-message');
    expect(s.view).toBe('thread');
    expect(s.thread?.messages).toHaveLength(1);
    expect(s.participants).toEqual([{ email: 'no-reply@accounts.google.com', name: 'Google', roles: ['from'] }]);
  });

  it('falls back to the perm id, then the URL, when the legacy thread id is missing', () => {
    const doc = parse(gmailFixtureHtml('thread-expanded'));
    for (const el of doc.querySelectorAll('[data-legacy-thread-id]')) el.removeAttribute('data-legacy-thread-id');
    expect(readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded')).thread?.id).toBe(
      'thread-f:1788200000000000001',
    );
    for (const el of doc.querySelectorAll('[data-thread-perm-id]')) el.setAttribute('data-thread-perm-id', 'undefined');
    const s = readGmailSnapshot(doc, { pathname: '/mail/u/0/', hash: '#inbox/FMfcgzQXJWhXkqLbRNsmvGTzDTRCwDpB' });
    expect(s.thread).toMatchObject({ id: 'FMfcgzQXJWhXkqLbRNsmvGTzDTRCwDpB', permId: null });
  });

  it('finds the account from the page title when the account button is missing', () => {
    const doc = parse(gmailFixtureHtml('list-inbox'));
    doc.querySelector('a[aria-label^="Google Account:"]')?.remove();
    expect(readGmailSnapshot(doc, { pathname: '/mail/u/3/', hash: '#inbox' })).toMatchObject({
      account: 'sophea@mekonghome.com.kh',
      accountIndex: 3,
    });
  });

  it('leaves out the rep shown as "me" even when the account is unknown', () => {
    const doc = parse(gmailFixtureHtml('thread-expanded'));
    doc.querySelector('a[aria-label^="Google Account:"]')?.remove();
    doc.title = 'Gmail';
    const s = readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded'));
    expect(s.account).toBeNull();
    expect(emails(s.participants)).not.toContain('sophea@mekonghome.com.kh');
  });
});

describe('parseGmailTime', () => {
  it.each([
    ['Tue, Jan 16, 2024, 10:15 AM', new Date(2024, 0, 16, 10, 15)],
    ['Tue, Jan 16, 2024, 12:05\u202fAM', new Date(2024, 0, 16, 0, 5)],
    ['Jan 16, 2024 at 12:30 PM', new Date(2024, 0, 16, 12, 30)],
    ['Tue, 16 Jan 2024, 22:07', new Date(2024, 0, 16, 22, 7)],
    ['September 3, 2025, 7:00 pm', new Date(2025, 8, 3, 19, 0)],
    ['2024-02-29 08:00', new Date(2024, 1, 29, 8, 0)],
  ])('reads %s', (text, expected) => {
    expect(parseGmailTime(text)).toBe(expected.getTime());
  });

  it.each([
    '',
    '10:15 AM (2 hours ago)',
    '16/01/2024, 10:15',
    'ថ្ងៃអង្គារ 16 មករា 2024',
    'Feb 30, 2024, 10:00 AM',
    'Jan 16, 2024, 13:15 PM',
    'Foo 16, 2024',
    '<b>not a date</b>',
  ])('gives null for %j', (text) => {
    expect(parseGmailTime(text)).toBeNull();
  });
});
