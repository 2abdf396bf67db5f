import type { WebmailSnapshot } from '@/lib/model/snapshot';
import { watchWebmail } from '@/lib/webmail/watch';

function snap(view: WebmailSnapshot['view'], subject = ''): WebmailSnapshot {
  return {
    provider: 'gmail',
    account: 'rep@example.com',
    accountIndex: 0,
    view,
    thread: subject ? { id: 'abc', permId: null, subject, messages: [] } : null,
    participants: [],
    composes: [],
    problem: null,
  };
}

/** Lets MutationObserver callbacks (microtasks) run, then the debounce and idle callbacks. */
async function settle(ms = 400) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('watchWebmail', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    document.body.replaceChildren();
    document.title = 'Gmail';
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('emits once at start, then folds a burst of mutations into one scan', async () => {
    let subject = 'one';
    const read = vi.fn(() => snap('thread', subject));
    const onChange = vi.fn();
    watchWebmail(window, read, onChange, controller.signal);
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);

    subject = 'two';
    // Twenty separate tasks, each a mutation record of its own, all inside one debounce window.
    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(5);
    }
    await settle();
    expect(read).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.lastCall?.[0].thread.subject).toBe('two');
  });

  it('does not re-read for typing in a body, inbox row churn or ticking times', async () => {
    const body = Object.assign(document.createElement('div'), { contentEditable: 'true' });
    body.setAttribute('contenteditable', 'true');
    const table = document.createElement('table');
    const row = table.createTBody().insertRow();
    row.className = 'zA';
    const time = Object.assign(document.createElement('span'), { className: 'g3', textContent: '2 hours ago' });
    document.body.append(body, table, time);
    const read = vi.fn(() => snap('thread', 'one'));
    watchWebmail(window, read, vi.fn(), controller.signal);
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    body.append('typing…');
    row.setAttribute('class', 'zA zE');
    row.append(document.createElement('td'));
    time.firstChild!.textContent = '3 hours ago';
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    // A change outside the noise still counts.
    document.body.append(document.createElement('div'));
    await settle();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('wakes for no hover, unread flip, ticking time or keystroke in a body', async () => {
    const Native = window.MutationObserver;
    let wakes = 0;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          wakes++;
          callback(records, observer);
        });
      }
    };
    const listen = vi.spyOn(document, 'addEventListener');
    try {
      const body = document.createElement('div');
      body.setAttribute('contenteditable', 'true');
      body.append('Dear Dara,');
      const row = document.createElement('div');
      row.className = 'zA';
      const time = Object.assign(document.createElement('span'), { className: 'g3', textContent: '2 hours ago' });
      const view = document.createElement('div');
      document.body.append(body, row, time, view);
      const read = vi.fn(() => snap('thread', 'one'));
      watchWebmail(window, read, vi.fn(), controller.signal);
      await settle();
      wakes = 0;
      // Gmail's hover and unread flags are class changes; typing and ticking times edit text nodes in place.
      row.classList.add('aqw');
      row.classList.toggle('zE');
      (body.firstChild as Text).appendData(' thank you');
      (time.firstChild as Text).data = '3 hours ago';
      body.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'u', inputType: 'insertText' }));
      await settle();
      expect(wakes).toBe(0);
      expect(read).toHaveBeenCalledTimes(1);
      expect(listen.mock.calls.map(([type]) => type)).not.toContain('input');
      // A view hidden the way the reader checks still wakes it.
      view.style.display = 'none';
      await settle();
      expect(wakes).toBe(1);
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      window.MutationObserver = Native;
    }
  });

  it('does not emit when the snapshot did not change', async () => {
    const read = vi.fn(() => snap('list'));
    const onChange = vi.fn();
    watchWebmail(window, read, onChange, controller.signal);
    await settle();
    document.body.append(document.createElement('span'));
    await settle();
    document.body.setAttribute('class', 'x');
    await settle();
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('rescans on hashchange and on typing in a compose recipient field', async () => {
    const read = vi.fn(() => snap('list'));
    watchWebmail(window, read, () => undefined, controller.signal);
    await settle();
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(read).toHaveBeenCalledTimes(2);

    const field = document.createElement('div');
    field.setAttribute('name', 'to');
    const input = document.createElement('input');
    field.append(input);
    document.body.append(field);
    await settle();
    const before = read.mock.calls.length;
    input.focus();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(read.mock.calls.length).toBe(before + 1);
  });

  it('listens to a recipient field that has focus before the watch starts', async () => {
    const input = document.createElement('input');
    input.setAttribute('peoplekit-id', 'BbVjBd');
    document.body.append(input);
    input.focus();
    const read = vi.fn(() => snap('list'));
    watchWebmail(window, read, () => undefined, controller.signal);
    await settle();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads at once when a conversation heading appears, without waiting for the debounce', async () => {
    let subject = 'one';
    const read = vi.fn(() => snap('thread', subject));
    const onChange = vi.fn();
    const marker = 'h2[data-legacy-thread-id]';
    watchWebmail(window, read, onChange, controller.signal, { conversationMarker: marker });
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);

    // Gmail swaps what is inside [role=main]: a new thread container holding the heading.
    subject = 'two';
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.append(main);
    await settle();
    const reads = read.mock.calls.length;
    const thread = document.createElement('div');
    thread.innerHTML = '<div class="ha"><h2 class="hP" data-legacy-thread-id="18c2">two</h2></div>';
    main.replaceChildren(thread);
    await Promise.resolve();
    expect(read).toHaveBeenCalledTimes(reads + 1);
    expect(onChange.mock.lastCall?.[0].thread.subject).toBe('two');

    // The same heading re-pointed at another conversation.
    subject = 'three';
    thread.querySelector('h2')?.setAttribute('data-legacy-thread-id', '18c3');
    await Promise.resolve();
    expect(onChange.mock.lastCall?.[0].thread.subject).toBe('three');

    // An inbox row carrying the same attribute on a span is no conversation opening: it waits for the debounce.
    const row = document.createElement('div');
    row.innerHTML = '<span data-legacy-thread-id="18c4">row</span>';
    const before = read.mock.calls.length;
    main.append(row);
    await Promise.resolve();
    expect(read).toHaveBeenCalledTimes(before);
    await settle();
    expect(read).toHaveBeenCalledTimes(before + 1);
  });

  it('stops everything when the signal aborts', async () => {
    let n = 0;
    const read = vi.fn(() => snap('thread', `s${n++}`));
    const onChange = vi.fn();
    watchWebmail(window, read, onChange, controller.signal);
    document.body.append(document.createElement('div'));
    controller.abort();
    await settle();
    document.body.append(document.createElement('div'));
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(read).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reports a throwing reader once and emits an unrecognised snapshot, without looping', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = vi.fn((): WebmailSnapshot => {
      throw new Error('selector drift');
    });
    const onChange = vi.fn();
    watchWebmail(window, read, onChange, controller.signal);
    await settle();
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('p'));
      await settle();
    }
    expect(read).toHaveBeenCalledTimes(6);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0]).toMatchObject({ view: 'unrecognised', problem: 'read-failed' });
    await settle(5000);
    expect(read).toHaveBeenCalledTimes(6);
  });

  it('reports a view it cannot read only when it stays so for a second, reading it again then', async () => {
    const unreadable = { ...snap('unrecognised'), problem: 'thread-unreadable' };
    let next: WebmailSnapshot = snap('list');
    const read = vi.fn(() => next);
    const onChange = vi.fn();
    watchWebmail(window, read, onChange, controller.signal);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);

    // Gmail changed the hash and has not drawn the conversation yet; it does within the second.
    next = unreadable;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    next = snap('thread', 'one');
    document.body.append(document.createElement('div'));
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
    await settle(2000);
    expect(onChange.mock.lastCall?.[0].view).toBe('thread');

    // This time it never does: the notice's snapshot comes once the second is up, with no mutation to wake it.
    next = unreadable;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(900);
    expect(onChange).toHaveBeenCalledTimes(2);
    await settle(400);
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(onChange.mock.lastCall?.[0]).toMatchObject({ view: 'unrecognised', problem: 'thread-unreadable' });
    const reads = read.mock.calls.length;
    await settle(5000);
    expect(read).toHaveBeenCalledTimes(reads);
  });

  it('waits while the tab is hidden and rescans when it is shown again', async () => {
    let hidden = true;
    vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
    const read = vi.fn(() => snap('list'));
    watchWebmail(window, read, () => undefined, controller.signal);
    document.body.append(document.createElement('div'));
    await settle();
    expect(read).not.toHaveBeenCalled();
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
