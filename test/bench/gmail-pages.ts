import {
  composeHtml,
  gmailPage,
  largeThreadHtml,
  listHtml,
  type MessageSpec,
  type Person,
  type RowSpec,
  threadHtml,
} from '../fixtures/gmail/generate';

/**
 * The pages of the browser benchmarks. Thread A is the fixtures' 60-message/25-person thread; thread B is built
 * the same way with 25 other people, so a swap from one to the other changes every participant.
 */
const ACCOUNT: Person = { name: 'Sophea Lim', email: 'sophea@mekonghome.com.kh' };
const GIVEN = ['Visal', 'Mony', 'Sothea', 'Ratana', 'Piseth', 'Sarah', 'David', 'Vibol', 'Leakhena', 'Channa'];
const FAMILY = ['Keo', 'Nget', 'Prak', 'Chhun', 'Long', 'Hun', 'Mao'];
const DOMAINS = ['tonlesap-logistics.com.kh', 'bayon-retail.com.kh', 'kampot-pepper.com.kh', 'naga-energy.com'];

export const THREAD_A = {
  html: largeThreadHtml(60, 25),
  hash: '#inbox/194a1b2c3d4e5f60',
  /** An address only thread A has (the fixtures' third correspondent). */
  marker: 'bopha.lim2@luckyretail.com.kh',
};

function threadB(): { main: string; people: Person[]; page: string } {
  const people: Person[] = Array.from({ length: 25 }, (_, i) => {
    const given = GIVEN[i % GIVEN.length] ?? 'Visal';
    const family = FAMILY[(i * 3) % FAMILY.length] ?? 'Keo';
    return { name: `${given} ${family}`, email: `${given}.${family}${i}@${DOMAINS[i % DOMAINS.length]}`.toLowerCase() };
  });
  const messages: MessageSpec[] = Array.from({ length: 60 }, (_, i) => ({
    from: i % 4 === 1 ? ACCOUNT : (people[i % 25] ?? ACCOUNT),
    to: [people[(i + 1) % 25] ?? 'me', people[(i + 2) % 25] ?? 'me'],
    cc: [people[(i + 5) % 25] ?? 'me', people[(i + 7) % 25] ?? 'me', 'me'],
    time: new Date(Date.UTC(2025, 1, 3, 2, i)).toUTCString(),
    shortTime: `${60 - i} min ago`,
    messageId: `msg-f:19${String(2000000000000000 + i * 7919)}`,
    legacyId: (0x195b000000000000n + BigInt(i * 4099)).toString(16),
    body: [`Reply ${i + 1}: the Kampot pepper order ships on Friday.`, '', 'Thanks,', '--', 'Sales team'],
    state: 'expanded',
  }));
  const main = threadHtml(
    {
      subject: 'Re: Pepper harvest order — Kampot ⇄ Phnom Penh',
      legacyThreadId: '195b0c1d2e3f4a50',
      permId: 'thread-f:1830000000000000002',
      messages,
      after: composeHtml({
        draft: 'r-1',
        subject: 'Re: Pepper harvest order',
        to: [],
        inline: true,
        rt: '195b0c1d2e3f4a50',
      }),
    },
    ACCOUNT,
  );
  return { main, people, page: gmailPage({ title: 'Re: Pepper harvest order - Gmail', account: ACCOUNT, main }) };
}

const b = threadB();
export const THREAD_B = {
  html: b.page,
  hash: '#inbox/195b0c1d2e3f4a50',
  marker: b.people[2]?.email ?? '',
};

/**
 * The page of the observer-cost benchmark: Gmail's hidden inbox list, thread B open with an inline reply, as a rep
 * has it while answering. mutationDriver() then keeps it changing the way Gmail does.
 */
export function busyPageHtml(): string {
  const rows: RowSpec[] = Array.from({ length: 50 }, (_, i) => ({
    from: { name: `Sender ${i}`, email: `sender${i}@example.com.kh` },
    subject: `Order ${1000 + i}`,
    snippet: 'Please find the quotation attached',
    date: `${(i % 12) + 1}:0${i % 10} PM`,
    title: 'Mon, Feb 3, 2025',
    unread: i % 3 === 0,
    legacyThreadId: (0x196c000000000000n + BigInt(i)).toString(16),
    threadId: `thread-f:18400000000000000${String(i).padStart(2, '0')}`,
  }));
  const main = `${listHtml(rows, { hidden: true })}${b.main}`;
  return gmailPage({ title: 'Re: Pepper harvest order - Gmail', account: ACCOUNT, main });
}

/**
 * Runs in the page's main world: `ticks` steps 50 ms apart, resolved after the last. Each step changes a list row
 * (unread flag, snippet); 5 steps in 12 type a letter into the reply (one every 120 ms, through execCommand as the
 * browser's own editing does it); every 20th rewrites every message's relative time. The work is counted in steps,
 * not in seconds, so a machine that delays timers does not give one side of the comparison fewer mutations than the
 * other.
 */
export function runMutations(ticks: number): Promise<void> {
  const rows = [...document.querySelectorAll('tr.zA')];
  const times = [...document.querySelectorAll('span.g3')];
  const body = document.querySelector<HTMLElement>('[contenteditable=true]');
  if (body) {
    body.focus();
    getSelection()?.selectAllChildren(body);
    getSelection()?.collapseToEnd();
  }
  let tick = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const row = rows[tick % rows.length];
      if (row) {
        row.classList.toggle('zE');
        row.classList.toggle('yO');
        const snippet = row.querySelector('.y2');
        if (snippet) snippet.textContent = ` - Updated quotation ${tick}`;
      }
      if (body && Math.floor((tick * 5) / 12) !== Math.floor(((tick - 1) * 5) / 12)) {
        // Through the browser's editing, as a keystroke goes: the text node is edited in place and input fires.
        document.execCommand('insertText', false, 'abcdefghij'[tick % 10] ?? 'a');
      }
      if (tick % 20 === 19) {
        times.forEach((span, i) => {
          span.textContent = `${i + tick} min ago`;
        });
      }
      tick++;
      if (tick < ticks) return;
      clearInterval(timer);
      resolve();
    }, 50);
  });
}
