import { Window } from 'happy-dom';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { withMessageTimes } from '@/lib/worker/thread-log';
import { demoMailboxHtml } from '../../fixtures/gmail/index';

/** The demo page runs its own script, so it gets a window of its own with script evaluation on. */
async function openDemo() {
  const win = new Window({
    url: 'https://mail.google.com/mail/u/0/',
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  win.document.write(demoMailboxHtml());
  await win.happyDOM.waitUntilComplete();
  const doc = win.document as unknown as Document;
  // As the worker keeps it: the page gives the ids, the worker reads the times from them.
  const read = () =>
    withMessageTimes(
      readGmailSnapshot(doc, { pathname: win.location.pathname, hash: win.location.hash }),
      'UTC',
      Date.now(),
    );
  const go = async (hash: string) => {
    win.location.hash = hash;
    await win.happyDOM.waitUntilComplete();
  };
  return { win, doc, read, go };
}

describe('demo mailbox', () => {
  const html = demoMailboxHtml();

  it('says it is a demo and puts sample data in the page as text only', () => {
    expect(html).toContain('Sidecar CRM demo mailbox — not Gmail');
    const script = html.slice(html.indexOf('<script>'));
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('shows the inbox, opens a thread by hash, and goes back', async () => {
    const { win, doc, read, go } = await openDemo();
    expect(doc.querySelector('#sidecar-demo-banner')?.textContent).toContain('not Gmail');
    expect(read()).toMatchObject({ view: 'list', account: 'sophea@mekonghome.com.kh' });
    const main = doc.querySelector('[role=main]');
    await go('#inbox/18e1a2b3c4d5e6f7');
    expect(doc.querySelector('[role=main]')).toBe(main);
    const s = read();
    expect(s.view).toBe('thread');
    expect(s.thread?.id).toBe('18e1a2b3c4d5e6f7');
    expect(s.thread?.messages).toHaveLength(3);
    expect(s.participants.map((p) => p.email)).toEqual([
      'Dara.Kim+Quotes@AngkorTrade.com.kh',
      'bopha.chea@luckyretail.com.kh',
    ]);
    // Each time is read from the message's ids, which the demo makes from the time it shows.
    const shown = [...doc.querySelectorAll('span.g3[title]')].map((el) => Date.parse(el.getAttribute('title') ?? ''));
    expect(s.thread?.messages.map((m) => Math.floor((m.time ?? 0) / 60_000))).toEqual(
      shown.map((t) => Math.floor(t / 60_000)),
    );
    await go('#inbox');
    expect(read().view).toBe('list');
    win.close();
  });

  it('opens a thread when a row is clicked', async () => {
    const { win, doc, read } = await openDemo();
    (doc.querySelectorAll('tr.zA')[1] as HTMLElement).click();
    await win.happyDOM.waitUntilComplete();
    expect(read().thread?.subject).toBe('វិក្កយបត្រដឹកជញ្ជូន ខែមីនា');
    win.close();
  });

  it('simulates a reply from the other participant on the thread waiting for one', async () => {
    const { win, doc, read, go } = await openDemo();
    await go('#inbox/18df00aa11bb22cc');
    const before = read();
    expect(before.thread?.messages.map((m) => m.from?.email)).toEqual(['sophea@mekonghome.com.kh']);
    (doc.querySelector('#sidecar-demo-reply') as HTMLElement).click();
    const after = read();
    expect(after.thread?.messages).toHaveLength(2);
    expect(after.thread?.messages[1]?.from).toEqual({
      email: 'sreymom.heng@phsarthmei-electronics.com.kh',
      name: 'ហេង ស្រីមុំ',
    });
    expect(after.participants.find((p) => p.name === 'ហេង ស្រីមុំ')?.roles).toEqual(['from', 'to']);
    win.close();
  });
});
