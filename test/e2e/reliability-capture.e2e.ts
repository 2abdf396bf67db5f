import type { Frame } from '@playwright/test';
import { captureThread } from '../fixtures/reliability/gmail';
import { dumpStores, liveContactsByEmail, send, verifyWhole } from '../fixtures/reliability/store';
import { kill, markWorker, proveKilled, report, sleep } from './faults';
import { expect, sidebarOf, test } from './harness';

/**
 * Creates while the worker is killed in the middle of writing them: contacts saved from the sidebar, follow-ups and
 * notes sent again after their answer was lost. After each, the store is read straight from IndexedDB and every
 * record parsed with its zod model.
 */

interface CaptureLog {
  email: string;
  outcome: 'ok' | 'error' | 'lost' | 'pending';
  created?: boolean;
  code?: string;
}

/** Records every contact.capture the sidebar sends and what came back, the way the rep's click was answered. */
async function spyOnCaptures(sidebar: Frame): Promise<void> {
  await sidebar.evaluate(() => {
    const w = window as unknown as { __captures?: CaptureLog[] };
    if (w.__captures) return;
    const log: CaptureLog[] = [];
    w.__captures = log;
    const runtime = chrome.runtime;
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = async (message: unknown) => {
      const m = message as { method?: string; input?: { email?: string } };
      if (m.method !== 'contact.capture') return original(message);
      const entry: CaptureLog = { email: m.input?.email ?? '', outcome: 'pending' };
      log.push(entry);
      try {
        const reply = (await original(message)) as
          | { ok: true; value: { created: boolean } }
          | { ok: false; error: { code: string } }
          | undefined;
        if (!reply) entry.outcome = 'lost';
        else if (reply.ok) {
          entry.outcome = 'ok';
          entry.created = reply.value.created;
        } else {
          entry.outcome = 'error';
          entry.code = reply.error.code;
        }
        return reply;
      } catch (error) {
        entry.outcome = 'lost';
        throw error;
      }
    };
  });
}

const captures = (sidebar: Frame) =>
  sidebar.evaluate(() => (window as unknown as { __captures: CaptureLog[] }).__captures.map((c) => ({ ...c })));

test('contacts saved from the sidebar while the worker is killed are whole, never doubled, and kept once acknowledged', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const thread = captureThread('Kill', 8, '18aa00bb11cc22dd');
  const page = await ext.openGmail(thread.html, thread.path);
  const sidebar = await sidebarOf(page);
  await expect(sidebar.getByRole('button', { name: `Add ${thread.people[0]!.name}`, exact: true })).toBeVisible();
  await spyOnCaptures(sidebar);
  const probe = await ext.openPage('popup.html');
  await markWorker(ext);

  let kills = 0;
  let clicks = 0;
  for (const [i, person] of thread.people.entries()) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const button = sidebar.getByRole('button', { name: `Add ${person.name}`, exact: true });
      if ((await button.count()) === 0) break;
      const before = (await captures(sidebar)).length;
      await button.click();
      clicks++;
      // Vary the moment: right away, or a little into the worker's transaction.
      if ((i + attempt) % 3) await sleep(((i * 7 + attempt * 13) % 25) + 1);
      await kill(ext);
      await expect
        .poll(async () => (await captures(sidebar)).slice(before).every((c) => c.outcome !== 'pending'))
        .toBe(true);
      await proveKilled(ext, probe);
      kills++;
      const mine = (await captures(sidebar)).slice(before).filter((c) => c.email === person.email);
      if (mine.some((c) => c.outcome === 'ok')) break;
      // Not acknowledged: the rep sees "not answering" and clicks again, as a person would.
      await expect(sidebar.getByRole('alert').first()).toBeVisible();
    }
  }
  const log = await captures(sidebar);
  const acknowledged = new Set(log.filter((c) => c.outcome === 'ok').map((c) => c.email.toLowerCase()));
  // A capture whose answer was lost may still have been saved: the card then replaces the button, and the rep is done.
  const savedUnacknowledged = thread.people.filter((p) => !acknowledged.has(p.email.toLowerCase())).length;

  await page.reload();
  const again = await sidebarOf(page);
  for (const person of thread.people) {
    await expect(again.getByRole('region', { name: `Contact ${person.name}`, exact: true })).toBeVisible();
  }
  const dump = await dumpStores(probe);
  const verdict = verifyWhole(dump);
  expect(verdict.problems).toEqual([]);
  const live = liveContactsByEmail(dump);
  for (const email of acknowledged) expect(live.get(email)?.name).toMatch(/^Kill Person \d+$/);
  const ours = [...live.keys()].filter((email) => thread.people.some((p) => p.email.toLowerCase() === email));
  expect(ours).toHaveLength(thread.people.length);
  const people = (dump.contacts as { name: string; deletedAt: number | null }[]).filter((c) =>
    c.name.startsWith('Kill Person'),
  );
  expect(people).toHaveLength(thread.people.length);
  report('sidebar capture', {
    kills,
    clicks,
    lostAnswers: log.filter((c) => c.outcome === 'lost').length,
    acknowledgedBeforeKill: log.filter((c) => c.outcome === 'ok' && c.created).length,
    savedUnacknowledged,
    records: verdict.checked,
  });
});

test('a follow-up or note sent again after its answer was lost to a killed worker is made once', async ({ ext }) => {
  test.setTimeout(90_000);
  const probe = await ext.openPage('popup.html');
  await markWorker(ext);
  let kills = 0;
  let lostAnswers = 0;
  const sent = { tasks: [] as string[], notes: [] as string[] };
  for (let i = 0; i < 8; i++) {
    const requestId = crypto.randomUUID();
    const isNote = i % 2 === 1;
    const [method, input] = isNote
      ? (['activity.add', { type: 'note', occurredAt: Date.now(), body: `Kill note ${i}`, requestId }] as const)
      : (['task.followUp', { title: `Kill follow-up ${i}`, due: { at: Date.now() + 86_400_000 }, requestId }] as const);
    const first = send<{ id: string }>(probe, method, input);
    // Vary the moment: right away, or a little into the worker's transaction.
    if (i % 3) await sleep(((i * 7) % 20) + 1);
    await kill(ext);
    const answer = await first;
    if (answer.ok !== true) lostAnswers++;
    await proveKilled(ext, probe);
    kills++;
    // The form keeps its request id until a call succeeds, so the rep's second click sends the same one.
    const again = await send<{ id: string }>(probe, method, input);
    if (again.ok !== true) throw new Error(JSON.stringify(again));
    expect(again.value.id).toBe(requestId);
    if (answer.ok === true) expect(again.value).toEqual(answer.value);
    (isNote ? sent.notes : sent.tasks).push(requestId);
  }
  const dump = await dumpStores(probe);
  expect(verifyWhole(dump).problems).toEqual([]);
  const tasks = (dump.tasks as { id: string; title: string }[]).filter((t) => t.title.startsWith('Kill follow-up'));
  const notes = (dump.activities as { id: string; body: string }[]).filter((a) => a.body.startsWith('Kill note'));
  expect(tasks.map((t) => t.id).sort()).toEqual([...sent.tasks].sort());
  expect(notes.map((n) => n.id).sort()).toEqual([...sent.notes].sort());
  report('retried creates', { kills, lostAnswers, tasks: tasks.length, notes: notes.length });
});
