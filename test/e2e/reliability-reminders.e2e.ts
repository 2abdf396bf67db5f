import { dumpStores, send, verifyWhole } from '../fixtures/reliability/store';
import { kill, notificationIds, openTasks, proveKilled, report, sleep, swapMark, type TaskView } from './faults';
import { expect, test } from './harness';

/** Reminders whose time comes while the worker is being killed; the store is checked whole after. */

test('reminders due while the worker is killed fire exactly once each', async ({ ext }) => {
  test.setTimeout(90_000);
  const page = await ext.openPage('popup.html');
  const start = Date.now();
  const offsets = [5_000, 8_000, 11_000];
  const ids: string[] = [];
  for (const [i, offset] of offsets.entries()) {
    const task = await send<{ id: string }>(page, 'task.followUp', {
      title: `Kill-time reminder ${i + 1}`,
      due: { at: start + offset },
    });
    if (task.ok !== true) throw new Error(JSON.stringify(task));
    ids.push(task.value.id);
  }
  await page.close();
  let kills = 0;
  for (const [k, offset] of offsets.entries()) {
    await sleep(Math.max(0, start + offset - 600 - Date.now()));
    // The previous task's alarm woke a new worker: its global scope has no mark.
    const had = await swapMark(ext);
    if (k === 0) expect(had).not.toBeNull();
    else if (had === false) kills++;
    await sleep(Math.max(0, start + offset - 250 - Date.now()));
    await kill(ext);
  }
  const watcher = await ext.openPage('popup.html');
  const fired = async () => {
    const open = await send<TaskView[]>(watcher, 'tasks.open', {});
    return open.ok === true ? open.value.filter((t) => ids.includes(t.id) && t.firedAt !== null).length : -1;
  };
  await expect.poll(fired, { timeout: 60_000 }).toBe(ids.length);
  await proveKilled(ext, watcher);
  kills++;
  expect(kills).toBe(offsets.length);
  const shown = await notificationIds(watcher);
  for (const id of ids) expect(shown.some((n) => n.includes(id))).toBe(true);

  // More wakes (an update, a browser start) fire nothing again.
  for (let i = 0; i < 2; i++) {
    await kill(ext);
    await proveKilled(ext, watcher);
    kills++;
    await sleep(800);
  }
  const open = await openTasks(watcher);
  for (const id of ids) {
    const task = open.find((t) => t.id === id)!;
    expect(task.history.filter((h) => h.event === 'fired')).toHaveLength(1);
  }
  const verdict = verifyWhole(await dumpStores(watcher));
  expect(verdict.problems).toEqual([]);
  report('reminders', { kills, reminders: ids.length, firedOnce: ids.length, records: verdict.checked });
});
