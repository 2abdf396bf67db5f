import { fromWallClock } from '../time/zoned';

/**
 * When Gmail accepted a message, read without depending on the page's language.
 *
 * A legacy message or thread id (`data-legacy-message-id`, `data-legacy-thread-id`) is the epoch-milliseconds time in
 * hex followed by five more hex digits; `data-message-id="#msg-f:N"` holds the same 64-bit number in decimal. Both
 * are the second the message's Received header shows. The date text Gmail prints is in the account's display
 * language and time zone, so it is read only when no id is there, by `parseMailDate`.
 */

/** Gmail did not exist before 2004; nothing is accepted a day ahead of the reader's clock either. */
const EARLIEST = Date.UTC(2004, 0, 1);
const DAY = 86_400_000;

function plausible(ms: number, now: number): number | null {
  return Number.isSafeInteger(ms) && ms >= EARLIEST && ms <= now + DAY ? ms : null;
}

/** `14804ad5ff61cc88` → 2014-08-23T21:02:24.010Z. */
export function timeFromLegacyId(id: string, now: number): number | null {
  const hex = id.trim();
  if (!/^[0-9a-f]{12,16}$/i.test(hex)) return null;
  return plausible(Number.parseInt(hex.slice(0, -5), 16), now);
}

/** `#msg-f:1480…` or `thread-f:1480…`: the decimal form of the same 64-bit id. */
export function timeFromPermId(id: string, now: number): number | null {
  const m = /^#?(?:msg|thread)-[a-z]:(\d{15,20})$/.exec(id.trim());
  if (!m?.[1]) return null;
  const value = BigInt(m[1]);
  if (value >= 1n << 64n) return null;
  return plausible(Number(value >> 20n), now);
}

export type MessageTimeSource = 'id' | 'text' | 'logged';

// ---- The date text, in any of the languages Gmail is used in here ----------------------------------------------

/** Digits of other scripts Gmail may print (Khmer ០–៩, Thai ๐–๙, Lao, Myanmar, Arabic-Indic, Devanagari, Bengali). */
const DIGIT_ZEROS = [0x17e0, 0x0e50, 0x0ed0, 0x1040, 0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];

function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 0;
    for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
    return d;
  });
}

/**
 * Month names and their short forms, January first, twelve to a line. A word is a month when it starts with one of
 * these (so "janv.", "January", "Januar" all match "jan" of their language); the longest match wins, so "juil" is not
 * taken for "jui".
 */
const MONTH_WORDS: readonly string[] = [
  // English, and the Latin-script languages whose short forms are the same or close
  'jan feb mar apr may jun jul aug sep oct nov dec',
  // French
  'janv févr mars avr mai juin juil août sept oct nov déc',
  // German
  'jän feb märz apr mai juni juli aug sept okt nov dez',
  // Spanish, Portuguese, Italian, Dutch, Indonesian (the forms the rows above lack)
  'ene fev marzo abr mayo junio julio ago set out dic dez',
  'gen febbr marz apr mag giu lug ago sett ott nov dic',
  'jan feb mrt apr mei jun jul agu sep okt nop des',
  // Khmer (full names; Gmail prints them whole)
  'មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ',
  // Thai, short forms with their dots and the full names
  'ม.ค ก.พ มี.ค เม.ย พ.ค มิ.ย ก.ค ส.ค ก.ย ต.ค พ.ย ธ.ค',
  'มกรา กุมภา มีนา เมษา พฤษภา มิถุนา กรกฎา สิงหา กันยา ตุลา พฤศจิกา ธันวา',
  // Russian and Ukrainian, genitive short forms
  'янв февр мар апр мая июн июл авг сент окт нояб дек',
  'січ лют бер квіт трав черв лип серп вер жовт лист груд',
  // Lao
  'ມັງກອນ ກຸມພາ ມີນາ ເມສາ ພຶດສະພາ ມິຖຸນາ ກໍລະກົດ ສິງຫາ ກັນຍາ ຕຸລາ ພະຈິກ ທັນວາ',
];

let monthEntries: readonly [string, number][] | null = null;

/**
 * Every month word with its month, longest first. Made on first use: the content script imports this module for the
 * id readers alone, and a table built at load would ride along into it.
 */
function monthWords(): readonly [string, number][] {
  monthEntries ??= MONTH_WORDS.flatMap((row) =>
    row.split(' ').map((word, month): [string, number] => [word.toLocaleLowerCase(), month + 1]),
  ).sort((a, b) => b[0].length - a[0].length);
  return monthEntries;
}

/** Vietnamese writes the month as a number after "thg" or "tháng"; CJK after the year (2024年1月16日, 2024년 1월 16일). */
const NUMBERED_MONTH = /(?:thg|tháng)\s*(\d{1,2})/iu;
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** Afternoon and evening markers; morning markers only tell 12 AM from 12 PM. */
const PM = /(?:\bp\.?\s?m\b\.?|下午|午後|오후|ល្ងាច|រសៀល|យប់|\bCH\b|หลังเที่ยง|บ่าย|เย็น|ຫຼັງທ່ຽງ)/iu;
const AM = /(?:\ba\.?\s?m\b\.?|上午|午前|오전|ព្រឹក|\bSA\b|ก่อนเที่ยง|เช้า|ກ່ອນທ່ຽງ)/iu;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * The month word nearest the year: a weekday's short form can spell a month too (French and Spanish "mar" for
 * Tuesday), but the month is the word that stands beside the year.
 */
function monthNear(text: string, yearAt: number): { month: number; index: number; length: number } | null {
  const lower = text.toLocaleLowerCase();
  let best: { month: number; index: number; length: number; distance: number } | null = null;
  for (const [word, month] of monthWords()) {
    for (let index = lower.indexOf(word); index >= 0; index = lower.indexOf(word, index + 1)) {
      // A Latin month word starts a word: "mar" inside "Summary" is not March.
      if (/[a-z]/.test(word.charAt(0)) && /\p{L}/u.test(lower.charAt(index - 1))) continue;
      const distance = Math.abs(index - yearAt);
      if (!best || distance < best.distance || (distance === best.distance && word.length > best.length)) {
        best = { month, index, length: word.length, distance };
      }
    }
  }
  return best;
}

function dateParts(text: string): DateParts | null {
  const cjk = CJK_DATE.exec(text);
  if (cjk) return { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]) };
  const iso = ISO_DATE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const year = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  if (!year) return null;
  let yearValue = Number(year[1]);
  // Thai dates count from the Buddhist era, 543 years ahead.
  if (yearValue >= 2400 && yearValue < 2700) yearValue -= 543;
  const numbered = NUMBERED_MONTH.exec(text);
  const named = numbered ? null : monthNear(text, year.index);
  const month = numbered ? Number(numbered[1]) : named?.month;
  if (!month) return null;
  // The day is the one- or two-digit number nearest the month (before it in "16 Jan", after it in "Jan 16"),
  // never one of the time's.
  const clock = /\d{1,2}[:.]\d{2}/.exec(text);
  const clockStart = clock ? clock.index : -1;
  const clockEnd = clock ? clock.index + clock[0].length : -1;
  const monthIndex = numbered ? numbered.index : (named?.index ?? 0);
  const monthEnd = numbered ? numbered.index + numbered[0].length : monthIndex + (named?.length ?? 0);
  let day: number | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})(?!\d)/g)) {
    const at = m.index ?? 0;
    if (clock && at >= clockStart && at < clockEnd) continue;
    if (numbered && at >= monthIndex && at < monthEnd) continue;
    const gap = at < monthIndex ? monthIndex - (at + m[0].length) : at - monthEnd;
    if (gap >= 0 && gap < distance) {
      distance = gap;
      day = Number(m[1]);
    }
  }
  return day === null ? null : { year: yearValue, month, day };
}

/**
 * Reads Gmail's date text in any language it is likely shown in here ("Tue, Jan 16, 2024, 10:15 AM",
 * "mar. 16 janv. 2024, 10:15", "១៦ មករា ២០២៤ ១០:១៥ ព្រឹក", "16 ม.ค. 2567 10:15", "2024年1月16日 上午10:15") as the
 * wall clock of `timeZone`. Null rather than a guess: an all-numeric date such as 01/02/2024 is ambiguous between
 * locales and is not read.
 */
export function parseMailDate(text: string, timeZone: string): number | null {
  const s = asciiDigits(text.normalize('NFC')).replace(/\s+/g, ' ');
  const date = dateParts(s);
  if (!date) return null;
  const { year, month, day } = date;
  let hour = 0;
  let minute = 0;
  let second = 0;
  const t = /(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)/.exec(s.replace(CJK_DATE, ' ').replace(ISO_DATE, ' '));
  if (t) {
    [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    const pm = PM.test(s);
    if (pm || AM.test(s)) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (pm ? 12 : 0);
    }
  }
  if (year < 2004 || year > 2999 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  // Rejects "Feb 31" and the like, which would roll into March.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  try {
    return fromWallClock({ year, month, day, hour, minute, second }, timeZone);
  } catch {
    return null;
  }
}

/**
 * The best time known for a message: its ids first, the date the page's adapter read or the date text second (in the
 * rep's time zone, the best guess of the account's), the moment it was logged last; with which of the three it was.
 */
export function messageTime(
  message: { id: string; legacyId: string | null; time: number | null; timeText: string },
  timeZone: string,
  now: number,
): { at: number; source: MessageTimeSource } {
  const fromId =
    (message.legacyId ? timeFromLegacyId(message.legacyId, now) : null) ??
    timeFromPermId(message.id, now) ??
    timeFromLegacyId(message.id, now);
  if (fromId !== null) return { at: fromId, source: 'id' };
  // Outlook's adapter reads its all-digit dates itself, in the page language's order of day and month (which the
  // worker cannot know); Gmail's leaves this null.
  if (message.time !== null && message.time <= now + DAY) return { at: message.time, source: 'text' };
  const fromText = message.timeText ? parseMailDate(message.timeText, timeZone) : null;
  if (fromText !== null && fromText <= now + DAY) return { at: fromText, source: 'text' };
  return { at: now, source: 'logged' };
}
