/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl, so "tomorrow 09:00 in Asia/Phnom_Penh" or
 * "Monday 09:00 in Europe/Berlin across a DST change" become the right UTC instant. Times are epoch ms.
 */
export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `epoch`, with the weekday (0 = Sunday). */
export function toWallClock(epoch: number, timeZone: string): Required<WallClock> & { weekday: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epoch)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return { ...wall, weekday };
}

function offsetAt(epoch: number, timeZone: string): number {
  const wall = toWallClock(epoch, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/**
 * The instant a wall clock shows `wall` in `timeZone`. Out-of-range fields roll over (day 32 is next month).
 * A time skipped by a DST jump resolves to the same offset as just before it (02:30 on a spring-forward day becomes
 * 03:30); an ambiguous time in the fall-back hour resolves to its first occurrence.
 */
export function fromWallClock(wall: WallClock, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  const wanted = new Date(naive);
  const shows = (instant: number) => {
    const w = toWallClock(instant, timeZone);
    return (
      w.year === wanted.getUTCFullYear() &&
      w.month === wanted.getUTCMonth() + 1 &&
      w.day === wanted.getUTCDate() &&
      w.hour === wanted.getUTCHours() &&
      w.minute === wanted.getUTCMinutes() &&
      w.second === wanted.getUTCSeconds()
    );
  };
  // Offsets in force a day either side cover both sides of any DST change; every one that really shows the wanted
  // wall clock is a candidate, and the earliest is the first occurrence of a repeated time.
  const offsets = new Set([
    offsetAt(naive - DAY, timeZone),
    offsetAt(naive, timeZone),
    offsetAt(naive + DAY, timeZone),
  ]);
  const candidates = [...offsets].map((offset) => naive - offset).filter(shows);
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped by a spring-forward gap: keep the offset from before the gap, which lands just past it.
  return naive - offsetAt(naive - DAY, timeZone);
}

/** Midnight that starts the calendar day of `epoch` in `timeZone`, `days` days later (negative for earlier). */
export function startOfDay(epoch: number, timeZone: string, days = 0): number {
  const wall = toWallClock(epoch, timeZone);
  return fromWallClock({ year: wall.year, month: wall.month, day: wall.day + days, hour: 0, minute: 0 }, timeZone);
}

/** "HH:MM" → minutes after midnight. */
export function clockMinutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
