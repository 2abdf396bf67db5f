import { afterEach, describe, expect, it, vi } from 'vitest';
import { inboxSeen } from '@/lib/model/inbox-seen';
import { readGmailRows, watchGmailLists } from '@/lib/webmail/gmail-list';
import { gmailFixtureHtml } from '../../fixtures/gmail/index';
import { REP, replyScene } from '../../fixtures/gmail/replies';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = Date.UTC(2026, 11, 6, 3, 0);

describe('readGmailRows', () => {
  it('reads each row of the inbox: its ids, its date as Gmail wrote it, and who wrote, the newest last', () => {
    const rows = readGmailRows(parse(gmailFixtureHtml('list-inbox')));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual({
      thread: '18ce6cc64b60c7d5',
      last: '18d05d880787e0c3',
      date: 'Sun, Jan 14, 2024, 9:41 AM',
      senders: [{ email: 'bopha.chea@luckyretail.com.kh', name: 'Bopha Chea' }],
    });
    expect(() => inboxSeen.parse({ rows, feed: '' })).not.toThrow();
  });

  it.each(['en', 'km'] as const)('reads a %s list by its attributes, not its words', (language) => {
    const scene = replyScene(language, NOW);
    const [stranger, row] = readGmailRows(parse(scene.listPage(true)));
    expect(stranger?.senders.map((p) => p.email)).toEqual(['vanna@siemreap-hotel.com.kh']);
    expect(row).toMatchObject({ thread: scene.threadId, last: scene.reply.legacyId });
    expect(row?.senders.map((p) => p.email)).toEqual([scene.client.email, REP.email, scene.client.email]);
    expect(row?.senders[1]?.name).toBe(scene.ui.me);
  });

  it('reads the list Gmail keeps hidden behind an open thread', () => {
    const rows = readGmailRows(parse(gmailFixtureHtml('thread-khmer')));
    expect(rows.map((r) => [r.thread, r.date])).toEqual([
      ['18d7711562c5e3a1', 'ថ្ងៃច័ន្ទ ទី៥ ខែកុម្ភៈ ឆ្នាំ២០២៤ ម៉ោង ៩:២០ ព្រឹក'],
      ['18d69284eb147a90', 'ថ្ងៃសុក្រ ទី២ ខែកុម្ភៈ ឆ្នាំ២០២៤ ម៉ោង ៤:៣១ ល្ងាច'],
    ]);
  });

  it('skips rows without ids, drops addresses that are not, and bounds what a hostile page sends', () => {
    const huge = 'x'.repeat(5000);
    const senders = Array.from({ length: 40 }, (_, i) => `<span email="p${i}@x.kh" name="${huge}">P</span>`).join('');
    const doc = parse(`<div role="main"><table>
      <tr class="zA"><td class="yW"><span email="a@x.kh" name="A">A</span></td></tr>
      <tr class="zA"><td><div class="yW"><span email="not an address" name="B">B</span><span email="c@x.kh" name="C">C</span>
        <span data-legacy-thread-id="${huge}" data-legacy-last-message-id="${huge}">s</span></div></td>
        <td class="xW"><span title="${huge}">x</span></td></tr>
      ${`<tr class="zA"><td><div class="yW">${senders}</div><span data-legacy-thread-id="18d7711562c5e3a1">s</span></td></tr>`.repeat(120)}
    </table></div>`);
    const rows = readGmailRows(doc);
    expect(rows).toHaveLength(100);
    expect(rows[0]?.senders).toEqual([{ email: 'c@x.kh', name: 'C' }]);
    expect(rows[0]?.thread).toHaveLength(100);
    expect(rows[1]?.senders).toHaveLength(20);
    expect(rows[1]?.senders[19]?.email).toBe('p39@x.kh');
    expect(() => inboxSeen.parse({ rows, feed: '' })).not.toThrow();
  });

  it('reads nothing from a page without lists', () => {
    expect(readGmailRows(parse('<div role="main"><div>Settings</div></div>'))).toEqual([]);
    expect(readGmailRows(parse(''))).toEqual([]);
  });
});

describe('watchGmailLists', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("fetches the account's feed at most once a minute while visible, and sends only what changed", async () => {
    vi.useFakeTimers({ now: NOW });
    const fetches: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        fetches.push(`${url} ${init.credentials}`);
        return new Response('<feed/>', { status: 200 });
      }),
    );
    window.history.replaceState(null, '', '/mail/u/2/#inbox');
    document.body.innerHTML = '<div role="main"></div>';
    const sent: unknown[] = [];
    const controller = new AbortController();
    const check = watchGmailLists(window, (seen) => sent.push(seen), controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toEqual(['/mail/u/2/feed/atom include']);
    expect(sent).toEqual([{ rows: [], feed: '<feed/>' }]);

    // A list shown again within the minute: read again, no fetch, nothing new to send.
    await check();
    expect(fetches).toHaveLength(1);
    expect(sent).toHaveLength(1);

    document.body.innerHTML = parse(gmailFixtureHtml('list-inbox')).body.innerHTML;
    await check();
    expect(fetches).toHaveLength(1);
    expect(sent).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetches).toHaveLength(2);

    // Hidden: no fetch, nothing read.
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetches).toHaveLength(2);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });

    controller.abort();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetches).toHaveLength(2);
  });

  it('takes a failed or refused fetch as no feed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('network');
      }),
    );
    document.body.innerHTML = '<div role="main"></div>';
    const sent: unknown[] = [];
    const controller = new AbortController();
    watchGmailLists(window, (seen) => sent.push(seen), controller.signal);
    await vi.waitFor(() => expect(sent).toEqual([{ rows: [], feed: '' }]));
    controller.abort();
  });
});
