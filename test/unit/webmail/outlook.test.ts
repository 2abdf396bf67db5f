import { webmailThreadUrl } from '@/lib/dashboard/links';
import { type WebmailSnapshot, webmailSnapshot } from '@/lib/model/snapshot';
import { outlookThreadOf } from '@/lib/model/webmail-thread';
import { messageTime } from '@/lib/webmail/message-time';
import { readOutlookSnapshot } from '@/lib/webmail/outlook';
import { afterLabel, numericDate } from '@/lib/webmail/outlook-read';
import {
  CONVERSATIONS,
  HOSTILE_NAME,
  OUTLOOK_FIXTURES,
  type OutlookFixtureName,
  swapTarget,
} from '../../fixtures/outlook';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = Date.parse('2026-12-06T07:00:00Z');

function read(name: OutlookFixtureName, remembered: string | null = null): WebmailSnapshot {
  const { host, path, html } = OUTLOOK_FIXTURES[name];
  return readOutlookSnapshot(parse(html), { hostname: host, pathname: path }, NOW, remembered);
}

describe('readOutlookSnapshot on the fixtures', () => {
  it.each(Object.keys(OUTLOOK_FIXTURES) as OutlookFixtureName[])('%s gives a snapshot the schema accepts', (name) => {
    const snapshot = read(name);
    expect(() => webmailSnapshot.parse(snapshot)).not.toThrow();
    expect(snapshot.provider).toBe('outlook');
  });

  it('reads a conversation: subject, senders, To and Cc apart, dates, the rep left out', () => {
    const s = read('thread');
    expect(s.view).toBe('thread');
    expect(s.account).toBe('sophea@mekonghome.com.kh');
    expect(s.thread?.id).toBe(`olo:${CONVERSATIONS.quote}`);
    expect(s.thread?.subject).toBe('Quotation: 40ft container PP → SHV');
    const [first, second] = s.thread?.messages ?? [];
    expect(first?.from).toEqual({ name: 'Dara Kim', email: 'dara.kim@angkortrade.com.kh' });
    expect(first?.to).toEqual([{ name: 'Sophea Lim', email: 'sophea@mekonghome.com.kh' }]);
    expect(first?.cc).toEqual([{ name: 'Chea Bopha', email: 'bopha@luckyretail.com.kh' }]);
    expect(second?.from?.email).toBe('sophea@mekonghome.com.kh');
    expect(first?.timeText).toBe('Tue 12/1/2026 9:05 AM');
    expect(first?.time).toBe(new Date(2026, 11, 1, 9, 5).getTime());
    expect(second?.time).toBe(new Date(2026, 11, 1, 14, 40).getTime());
    expect(first?.id).not.toBe(second?.id);
    expect(first?.id.startsWith(`${CONVERSATIONS.quote}#`)).toBe(true);
    // The signature is the sender's latest message's tail, with its lines.
    expect(first?.tail).toContain('Sales Manager, Angkor Trade Co.\n+855 12 345 678');
    expect(s.participants).toEqual([
      { name: 'Dara Kim', email: 'dara.kim@angkortrade.com.kh', roles: ['from', 'to'] },
      { name: 'Chea Bopha', email: 'bopha@luckyretail.com.kh', roles: ['cc'] },
    ]);
  });

  it("keeps the date Outlook showed as the message's time when the worker logs it", () => {
    const [first] = read('thread').thread?.messages ?? [];
    expect(messageTime(first!, 'Asia/Phnom_Penh', NOW)).toEqual({
      at: new Date(2026, 11, 1, 9, 5).getTime(),
      source: 'text',
    });
    expect(messageTime({ ...first!, time: null }, 'Asia/Phnom_Penh', NOW).source).toBe('logged');
  });

  it('gives the same message ids when the same page is read again', () => {
    expect(read('thread').thread?.messages.map((m) => m.id)).toEqual(read('thread').thread?.messages.map((m) => m.id));
  });

  it('says a name came without its address rather than inventing one', () => {
    const s = read('names-only');
    expect(s.view).toBe('thread');
    expect(s.participants).toEqual([
      { name: 'Chea Bopha', email: '', roles: ['from'] },
      { name: 'Vannak Sok', email: '', roles: ['to'] },
    ]);
  });

  it('reads Outlook in Khmer: labels with the Khmer colon, a Khmer name, the date in the page language', () => {
    const s = read('khmer');
    expect(s.thread?.id).toBe(`olc:${CONVERSATIONS.khmer}`);
    expect(s.thread?.messages[0]?.from).toEqual({ name: 'សុខ ចន្ថា', email: 'chantha@siemreapcraft.com.kh' });
    expect(s.participants.map((p) => p.name)).toEqual(['សុខ ចន្ថា']);
    // km-KH writes the day first: 2 December.
    expect(s.thread?.messages[0]?.time).toBe(new Date(2026, 11, 2, 10, 15).getTime());
    expect(s.thread?.messages[0]?.tail).toContain('ប្រធានផ្នែកលក់');
  });

  it('keeps a hostile name as inert text and takes no one from a body dressed as a header', () => {
    const s = read('hostile');
    expect(s.participants).toEqual([
      { name: HOSTILE_NAME.replace(/\s+/g, ' ').trim(), email: 'attacker@evil.example', roles: ['from'] },
    ]);
    const people = JSON.stringify([s.participants, s.thread?.messages.map(({ from, to, cc }) => [from, to, cc])]);
    expect(people).not.toContain('fake@evil.example');
    expect(people).not.toContain('planted@evil.example');
    expect(s.thread?.subject).toBe('"><script>window.__pwned=3</script> Invoice');
  });

  it('reads another mailbox opened at /mail/<address>/ as that mailbox', () => {
    const s = read('second-mailbox');
    expect(s.account).toBe('sales@luckyretail.com.kh');
    expect(s.thread?.id).toBe(`olo:${CONVERSATIONS.shared}`);
    // The shared mailbox is the account: its address is not a participant, Dara is.
    expect(s.participants.map((p) => p.email)).toEqual(['dara.kim@angkortrade.com.kh']);
  });

  it('reads a compose: pills with and without addresses, presence left out, a typed address, the last subject', () => {
    const s = read('compose');
    expect(s.view).toBe('compose');
    expect(s.accountIndex).toBe(0);
    expect(s.account).toBe('sophea@mekonghome.com.kh');
    const [compose] = s.composes;
    expect(compose?.subject).toBe('Cold-chain storage offer');
    expect(compose?.to).toEqual([
      { name: 'Dara Kim', email: 'dara.kim@angkortrade.com.kh' },
      { name: 'Vannak Sok', email: '' },
      { name: '', email: 'kosal@phnompenhbuild.com.kh' },
    ]);
    expect(compose?.cc).toEqual([{ name: 'Chea Bopha', email: 'bopha@luckyretail.com.kh' }]);
  });

  it('reads a reply written under the conversation, and the account from its From field, not from a header', () => {
    const doc = parse(OUTLOOK_FIXTURES.thread.html);
    doc.getElementById('mectrl_currentAccount_secondary')?.remove();
    // Some builds put the address inside the person button of a message header.
    const sender = doc.querySelector('main [role=heading] button')!;
    sender.textContent = 'Dara Kim <dara.kim@angkortrade.com.kh>';
    const reply = parse(OUTLOOK_FIXTURES.compose.html).querySelector('[data-app-section="Form_Content"]')!;
    doc.querySelector('main')!.append(doc.importNode(reply.firstElementChild!, true));
    const s = readOutlookSnapshot(doc, { hostname: 'outlook.office.com', pathname: OUTLOOK_FIXTURES.thread.path }, NOW);
    expect(s.view).toBe('thread');
    expect(s.account).toBe('sophea@mekonghome.com.kh');
    expect(s.composes.map((c) => [c.inline, c.to.length])).toEqual([[true, 3]]);
  });

  it('reads the list with nothing open as the list', () => {
    expect(read('list').view).toBe('list');
  });

  it('follows a swap of the reading pane alone, keyed by the newly selected conversation', () => {
    const { html, host, path } = OUTLOOK_FIXTURES.thread;
    const doc = parse(html);
    const target = swapTarget('names-only');
    for (const row of doc.querySelectorAll('[data-convid]')) {
      row.setAttribute('aria-selected', String(row.getAttribute('data-convid') === target.convid));
    }
    doc.querySelector('main')!.innerHTML = target.pane;
    // Search does not change the address: the selected row names the conversation.
    const s = readOutlookSnapshot(doc, { hostname: host, pathname: path }, NOW);
    expect(s.thread?.id).toBe(`olo:${CONVERSATIONS.schedule}`);
    expect(s.thread?.subject).toBe('Monthly delivery schedule');
    expect(s.participants.map((p) => p.name)).toEqual(['Chea Bopha', 'Vannak Sok']);
  });

  it('remembers the account read earlier when the page no longer shows it', () => {
    const doc = parse(OUTLOOK_FIXTURES.thread.html);
    doc.getElementById('mectrl_currentAccount_secondary')?.remove();
    const location = { hostname: 'outlook.office.com', pathname: OUTLOOK_FIXTURES.thread.path };
    expect(readOutlookSnapshot(doc, location, NOW).account).toBeNull();
    expect(readOutlookSnapshot(doc, location, NOW, 'sophea@mekonghome.com.kh').account).toBe(
      'sophea@mekonghome.com.kh',
    );
  });
});

describe('Outlook page readers', () => {
  it('tells a label from a date in any script', () => {
    expect(afterLabel('From: Dara Kim')).toBe('Dara Kim');
    expect(afterLabel('ពី៖ សុខ ចន្ថា')).toBe('សុខ ចន្ថា');
    expect(afterLabel('Fri 12/4/2026 3:15 PM')).toBeNull();
    expect(afterLabel('សុក្រ ៤/១២/២០២៦ ៣:១៥')).toBeNull();
  });

  it('reads numeric dates in the order of the page language, and nothing else', () => {
    expect(numericDate('Fri 12/4/2026 3:15 PM', 'en-US', NOW)).toBe(new Date(2026, 11, 4, 15, 15).getTime());
    expect(numericDate('ven. 04/12/2026 15:15', 'fr-FR', NOW)).toBe(new Date(2026, 11, 4, 15, 15).getTime());
    expect(numericDate('2026/12/04 12:05 AM', 'ja-JP', NOW)).toBe(new Date(2026, 11, 4, 0, 5).getTime());
    expect(numericDate('Yesterday', 'en-US', NOW)).toBeNull();
    expect(numericDate('Fri 12/4/2027 3:15 PM', 'en-US', NOW)).toBeNull();
  });
});

describe('links to Outlook threads', () => {
  it('opens the conversation on the Outlook it came from', () => {
    expect(outlookThreadOf(`olm:${CONVERSATIONS.quote}`)).toEqual({
      host: 'outlook.office365.com',
      conversationId: CONVERSATIONS.quote,
    });
    expect(outlookThreadOf('18d10443a994c1e2')).toBeNull();
    expect(webmailThreadUrl(0, `olo:${CONVERSATIONS.quote}`)).toBe(
      `https://outlook.office.com/mail/id/${encodeURIComponent(CONVERSATIONS.quote)}`,
    );
    expect(webmailThreadUrl(1, 'oll:AAQkA/b+c=')).toBe('https://outlook.live.com/mail/1/id/AAQkA%2Fb%2Bc%3D');
    expect(webmailThreadUrl(0, '18d10443a994c1e2')).toBe('https://mail.google.com/mail/u/0/#all/18d10443a994c1e2');
  });
});
