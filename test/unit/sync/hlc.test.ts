import fc from 'fast-check';
import { compare, format, newClock, parse, receive, tick } from '@/lib/sync/hlc';

describe('the hybrid logical clock', () => {
  it('ticks forward with the wall clock and counts within a millisecond', () => {
    let clock = newClock('devA');
    clock = tick(clock, 1000);
    expect(format(clock)).toBe('0000000001000-000000-devA');
    clock = tick(clock, 1000);
    expect(format(clock)).toBe('0000000001000-000001-devA');
    clock = tick(clock, 2000);
    expect(format(clock)).toBe('0000000002000-000000-devA');
  });

  it('never runs backwards when the wall clock does', () => {
    const later = tick(tick(newClock('devA'), 5000), 5000);
    const after = tick(later, 10);
    expect(compare(format(after), format(later))).toBe(1);
    expect(after.wall).toBe(5000);
  });

  it('moves past a stamp received from a device whose clock is ahead', () => {
    const mine = tick(newClock('devA'), 1000);
    const remote = format(tick(tick(newClock('devB'), 9000), 9000));
    const next = receive(mine, remote, 1200);
    expect(compare(format(next), remote)).toBe(1);
    expect(compare(format(tick(next, 1300)), remote)).toBe(1);
  });

  it('moves the wall on rather than widening the counter', () => {
    const full = { wall: 7, counter: 999_999, deviceId: 'devA' };
    expect(format(tick(full, 7))).toBe('0000000000008-000000-devA');
  });

  it('reads back what it writes and refuses what it did not', () => {
    const clock = { wall: 1733456789012, counter: 42, deviceId: 'a1b2c3' };
    expect(parse(format(clock))).toEqual(clock);
    expect(() => parse('1733456789012-42-a1')).toThrow();
    expect(() => newClock('has-dash')).toThrow();
  });

  it('sorts stamps as strings in the order of (wall, counter, device)', () => {
    const stamp = fc.record({
      wall: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      deviceId: fc.constantFrom('a', 'ab', 'b', 'Z9', 'dev_1'),
    });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const byParts =
          a.wall - b.wall || a.counter - b.counter || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0);
        expect(compare(format(a), format(b))).toBe(Math.sign(byParts));
      }),
    );
  });

  it('makes every stamp of a device later than all it made and received, whatever the wall clock does', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: fc.nat(10_000) }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: fc.nat(10_000),
        wall: fc.nat(10_000),
        counter: fc.nat(999_999),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let clock = newClock('me');
        let highest = format(clock);
        for (const e of events) {
          if (e.kind === 'tick') clock = tick(clock, e.now);
          else {
            const remote = format({ wall: e.wall, counter: e.counter, deviceId: 'them' });
            clock = receive(clock, remote, e.now);
            expect(compare(format(clock), remote)).toBe(1);
          }
          expect(compare(format(clock), highest)).toBe(1);
          highest = format(clock);
        }
      }),
    );
  });
});
