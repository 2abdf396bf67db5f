import { webmailSnapshot } from '@/lib/model/snapshot';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { withMessageTimes } from '@/lib/worker/thread-log';
import { largeThreadHtml } from '../../fixtures/gmail/generate';
import { gmailFixtureHtml, gmailFixtureLocation } from '../../fixtures/gmail/index';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const at = { pathname: '/mail/u/0/', hash: '#inbox' };

describe('readGmailSnapshot on markup it does not know', () => {
  it('says "no-main" for an empty page', () => {
    const s = readGmailSnapshot(parse(''), at);
    expect(s).toMatchObject({ view: 'unrecognised', problem: 'no-main', thread: null, participants: [] });
    expect(() => webmailSnapshot.parse(s)).not.toThrow();
  });

  it('says "no-main" for random div soup', () => {
    let html = '';
    for (let i = 0; i < 300; i++) html += `<div class="x${i % 7}" data-i="${i}"><span email="x${i}">${i}</span>`;
    const s = readGmailSnapshot(parse(html), at);
    expect(s).toMatchObject({ view: 'unrecognised', problem: 'no-main' });
  });

  it('says "no-main" when the only main is hidden', () => {
    const s = readGmailSnapshot(
      parse('<div role="main" style="display:none"><table><tr class="zA"></tr></table></div>'),
      at,
    );
    expect(s.problem).toBe('no-main');
  });

  it('calls an empty main "other" and a main with list rows "list"', () => {
    expect(readGmailSnapshot(parse('<div role="main"><div>Settings</div></div>'), at).view).toBe('other');
    expect(
      readGmailSnapshot(parse('<div role="main"><table><tr class="zA"><td>x</td></tr></table></div>'), at).view,
    ).toBe('list');
  });

  it('says "thread-without-messages" for a subject heading with no readable message', () => {
    const doc = parse(
      '<div role="main"><h2 class="hP" data-legacy-thread-id="18d0">Hi</h2><div class="adn" data-message-id=""></div></div>',
    );
    expect(readGmailSnapshot(doc, at)).toMatchObject({ view: 'unrecognised', problem: 'thread-without-messages' });
  });

  it('never throws, whatever the document does', () => {
    const doc = parse(gmailFixtureHtml('thread-expanded'));
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    const s = readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded'));
    expect(s).toMatchObject({ view: 'unrecognised', problem: 'read-failed' });
  });

  it('drops messages and people it cannot read, keeps the rest', () => {
    const doc =
      parse(`<title>Inbox - rep@x.kh - Gmail</title><div role="main"><h2 class="hP" data-legacy-thread-id="18d1">S</h2>
      <div class="h7"><div class="adn" data-message-id="#msg-f:1"><span class="gD" email="not an email" name="X">X</span></div></div>
      <div class="h7"><div class="adn" data-message-id="#msg-f:2"><span class="gD" email="ok@x.kh" name="Ok">Ok</span>
        <div class="a3s"><span class="gD" email="injected@evil.example" name="Injected">body</span></div></div></div></div>`);
    const s = readGmailSnapshot(doc, at);
    expect(s.thread?.messages.map((m) => m.from?.email ?? null)).toEqual([null, 'ok@x.kh']);
    expect(s.participants.map((p) => p.email)).toEqual(['ok@x.kh']);
  });

  it('caps arrays and strings at the schema bounds', () => {
    const long = 'ក'.repeat(5000);
    let recipients = '';
    for (let i = 0; i < 260; i++) recipients += `<span class="g2" email="p${i}@x.kh" name="${long}">p</span>`;
    let messages = '';
    for (let i = 0; i < 520; i++) {
      messages += `<div class="h7"><div class="adn" data-message-id="#msg-f:${i}${'9'.repeat(300)}"><span class="gD" email="s${i}@x.kh" name="S">S</span><span class="g3" title="${long}">t</span><span class="hb">${i === 0 ? recipients : ''}</span><div class="a3s">${long}</div></div></div>`;
    }
    const doc = parse(
      `<div role="main"><h2 class="hP" data-legacy-thread-id="${'f'.repeat(150)}">${long}</h2>${messages}</div>`,
    );
    const s = readGmailSnapshot(doc, at);
    expect(() => webmailSnapshot.parse(s)).not.toThrow();
    expect(s.thread?.messages).toHaveLength(500);
    expect(s.thread?.messages[0]?.to).toHaveLength(200);
    expect(s.thread?.subject).toHaveLength(1000);
    expect(s.thread?.messages[0]?.tail).toHaveLength(2000);
    expect(s.participants).toHaveLength(500);
  });
});

describe('hostile names and subjects', () => {
  const html = gmailFixtureHtml('hostile');
  const doc = parse(html);
  // Times as the worker keeps them: read from the ids the page gives.
  const s = withMessageTimes(readGmailSnapshot(doc, gmailFixtureLocation('hostile')), 'UTC', Date.now());
  const byEmail = (email: string) => s.participants.find((p) => p.email === email);

  it('come through as plain strings', () => {
    expect(s.view).toBe('thread');
    expect(s.thread?.subject).toBe(
      '"><script>window.__pwned=1</script><img src=x onerror=alert(1)> Invoice \u202Egnp.exe \u200B',
    );
    expect(byEmail('img.attack@evil.example')?.name).toBe('<img src=x onerror=alert(1)>');
    expect(byEmail('script.attack@evil.example')?.name).toBe('"><script>window.__pwned=1</script>');
    expect(byEmail('bidi@evil.example')?.name).toBe('Invoice \u202Egnp.exe');
    expect(byEmail('zero.width@evil.example')?.name).toContain('Da\u200Bra\u200D');
    expect(s.thread?.messages[0]?.tail).toContain('<script>window.__pwned=2</script>');
    // The title is no date; the id still says when the message came.
    expect(s.thread?.messages[0]?.time).toBe(Date.parse('2024-01-18T01:30:17.342Z'));
    expect(s.thread?.messages[0]?.timeText).toBe('<b>not a date</b>');
  });

  it('create no elements and run nothing', () => {
    // Gmail's own scripts carry its CSP nonce (the fixture's side panel has one); a payload's would not.
    expect(doc.querySelectorAll('script:not([nonce])')).toHaveLength(0);
    expect(doc.querySelectorAll('[onerror], [onload]')).toHaveLength(0);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('cut a 10 KB name to the bound, drop an address that is not one, keep a message without a legacy id', () => {
    expect(byEmail('huge.name@evil.example')?.name.length).toBe(300);
    expect(s.participants.some((p) => p.email.includes('svg'))).toBe(false);
    // A message just sent has no legacy id yet; its msg-f id holds the same time in decimal.
    expect(s.thread?.messages[2]).toMatchObject({
      id: 'msg-f:1788393583988032436',
      legacyId: null,
      time: Date.parse('2024-01-18T02:30:28.675Z'),
    });
    expect(() => webmailSnapshot.parse(s)).not.toThrow();
  });
});

describe('a 60-message thread with 25 people', () => {
  it('is read whole, quickly', () => {
    const doc = parse(largeThreadHtml(60, 25));
    readGmailSnapshot(doc, at);
    const start = performance.now();
    const s = readGmailSnapshot(doc, at);
    const ms = performance.now() - start;
    expect(s.thread?.messages).toHaveLength(60);
    expect(s.participants).toHaveLength(25);
    expect(s.participants.every((p) => p.email !== 'sophea@mekonghome.com.kh')).toBe(true);
    expect(() => webmailSnapshot.parse(s)).not.toThrow();
    // Generous for slow CI under happy-dom; Chromium is far faster (see the benchmark).
    expect(ms).toBeLessThan(1000);
  });

  it("sends a body's tail only with each sender's latest expanded message", () => {
    const messages = readGmailSnapshot(parse(largeThreadHtml(60, 25)), at).thread?.messages ?? [];
    const senders = new Set(messages.filter((m) => !m.collapsed && m.from).map((m) => m.from!.email.toLowerCase()));
    for (const sender of senders) {
      const own = messages.filter((m) => !m.collapsed && m.from?.email.toLowerCase() === sender);
      expect(own.filter((m) => m.tail !== '')).toEqual([own.at(-1)]);
      expect(own.at(-1)?.tail).not.toBe('');
    }
  });
});
