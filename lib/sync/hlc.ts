/**
 * Hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds that never run backwards, plus a counter for
 * events within one millisecond or behind a clock seen from another device, plus the device id so that two devices
 * never make the same stamp. Written as one string that sorts lexicographically in clock order:
 * `0001733456789012-000003-<device id>` (13-digit wall ms, 6-digit counter, device id).
 *
 * Pure: time is a parameter. Zod-free, so any layer may import it.
 */

export type Hlc = string;

export interface Clock {
  /** Highest wall time seen, epoch ms. */
  wall: number;
  counter: number;
  deviceId: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
export const MAX_WALL = 10 ** WALL_DIGITS - 1;

/** Device ids go into every stamp of every field: short, and without '-' so a stamp splits one way only. */
export const DEVICE_ID = /^[A-Za-z0-9_]{1,40}$/;
export const HLC_PATTERN = /^\d{13}-\d{6}-[A-Za-z0-9_]{1,40}$/;

export function newClock(deviceId: string): Clock {
  if (!DEVICE_ID.test(deviceId)) throw new Error(`not a device id: ${deviceId}`);
  return { wall: 0, counter: 0, deviceId };
}

export function format(clock: Clock): Hlc {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}-${String(clock.counter).padStart(COUNTER_DIGITS, '0')}-${clock.deviceId}`;
}

export function parse(hlc: Hlc): Clock {
  if (!HLC_PATTERN.test(hlc)) throw new Error(`not a hybrid logical clock stamp: ${hlc}`);
  return {
    wall: Number(hlc.slice(0, WALL_DIGITS)),
    counter: Number(hlc.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS)),
    deviceId: hlc.slice(WALL_DIGITS + COUNTER_DIGITS + 2),
  };
}

/** Stamps sort as strings: the fixed-width wall and counter decide first, the device id only breaks their tie. */
export function compare(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A counter past six digits moves the wall one millisecond on instead of widening the string, which would break the
 * lexicographic order; a million events in one millisecond do not happen, but a clock received from a device whose
 * counter is near the top must not overflow ours.
 */
function settle(wall: number, counter: number, deviceId: string): Clock {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, deviceId } : { wall, counter, deviceId };
}

/** The clock for a local event at `now`: later than every stamp this device made or received before. */
export function tick(clock: Clock, now: number): Clock {
  if (now > clock.wall) return { wall: now, counter: 0, deviceId: clock.deviceId };
  return settle(clock.wall, clock.counter + 1, clock.deviceId);
}

/** The clock after seeing a stamp from another device: later than both it and everything this device did. */
export function receive(clock: Clock, remote: Hlc, now: number): Clock {
  const other = parse(remote);
  const wall = Math.max(clock.wall, other.wall, now);
  let counter: number;
  if (wall === clock.wall && wall === other.wall) counter = Math.max(clock.counter, other.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === other.wall) counter = other.counter + 1;
  else counter = 0;
  return settle(wall, counter, clock.deviceId);
}

/** Wall time of a stamp, for bounding how far ahead of the server's clock a device may be. */
export function wallOf(hlc: Hlc): number {
  return Number(hlc.slice(0, WALL_DIGITS));
}

export function deviceOf(hlc: Hlc): string {
  return hlc.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}
