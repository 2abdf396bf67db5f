/**
 * Who reads a date or a number: the rep's language and, in Khmer, whether digits are written Khmer (០១២) or Western
 * (012). Intl does the work where the engine carries Khmer data; Debian's Chromium carries none (it formats km-KH
 * as English), so ./dates.ts and ./numbers.ts keep small Khmer tables of their own for that case.
 */
export type Language = 'en' | 'km';

export interface Locale {
  language: Language;
  khmerDigits: boolean;
}

/** The rep's settings as a Locale: Khmer digits follow the Khmer UI unless the rep turned them off. */
export function localeOf(settings: { language: Language; khmerDigits?: boolean | undefined }): Locale {
  return { language: settings.language, khmerDigits: settings.language === 'km' && (settings.khmerDigits ?? true) };
}

let knowsKhmer: boolean | null = null;

/** Whether this engine's Intl has Khmer data (Node and Firefox do, Debian's Chromium does not). Asked once. */
export function intlKnowsKhmer(): boolean {
  knowsKhmer ??= Intl.DateTimeFormat.supportedLocalesOf(['km']).length > 0;
  return knowsKhmer;
}

/** Answers for the engine, so tests walk both paths on one engine; null asks the engine again. */
export function assumeIntlKnowsKhmer(answer: boolean | null): void {
  knowsKhmer = answer;
}

/** The tag handed to Intl: Khmer where the engine knows it, else English, whose parts the Khmer tables rewrite. */
export function intlTag(language: Language): string {
  return language === 'km' && intlKnowsKhmer() ? 'km' : 'en-US';
}

const KHMER_ZERO = 0x17e0;

/** Western digits written as Khmer ones; everything else, separators included, stays as it is. */
export function toKhmerDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(KHMER_ZERO + Number(digit)));
}

export function withDigits(text: string, locale: Locale): string {
  return locale.khmerDigits ? toKhmerDigits(text) : text;
}
