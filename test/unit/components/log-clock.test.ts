import { createLogClock } from '@/components/sidebar/log-clock';
import { LOG_AFTER_MS } from '@/lib/worker/contract';

describe('the sidebar log clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once a thread has been shown for the whole wait, and never for one swapped away sooner', () => {
    const asked: string[] = [];
    const controller = new AbortController();
    const clock = createLogClock((id) => asked.push(id), controller.signal);
    clock.show('a');
    vi.advanceTimersByTime(LOG_AFTER_MS - 1);
    clock.show('b');
    // The same thread shown again (a new message, a re-render) keeps its clock running.
    vi.advanceTimersByTime(LOG_AFTER_MS - 1);
    clock.show('b');
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['b']);
    clock.show(null);
    clock.show('c');
    controller.abort();
    vi.advanceTimersByTime(LOG_AFTER_MS);
    expect(asked).toEqual(['b']);
  });
});
