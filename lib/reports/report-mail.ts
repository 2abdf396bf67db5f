/**
 * "Email it": a report as a Gmail compose window, addressed to the manager, from the rep's own signed-in account.
 * Gmail opens a draft from `/mail/u/N/?view=cm&to=…&su=…&body=…`; nothing is sent until the rep presses Send.
 */
import type { Locale } from '../i18n/locale';
import { normaliseEmail } from '../model/email-address';
import { periodLabel, type Translate } from './headline';
import { reportToText, type ScheduledReport } from './report';

/**
 * The longest compose address we open. Browsers take far longer ones, but Google's front end refuses a request line
 * much past 8 KB (an error page instead of the draft); Khmer text triples in UTF-8 and triples again when
 * percent-encoded, so the body is the part that must give way.
 */
export const MAX_COMPOSE_URL = 7_000;

export interface ComposeDraft {
  accountIndex: number;
  to: string;
  subject: string;
  body: string;
}

export function composeUrl(draft: ComposeDraft): string {
  const query = [
    'view=cm',
    `to=${encodeURIComponent(draft.to)}`,
    `su=${encodeURIComponent(draft.subject)}`,
    `body=${encodeURIComponent(draft.body)}`,
  ].join('&');
  return `https://mail.google.com/mail/u/${draft.accountIndex}/?${query}`;
}

/**
 * The compose address with as much of the body as fits under `max`: whole lines from the top, then `more` ("…full
 * report in Sidecar") on a line of its own, so a long report is cut where a reader sees it was, never mid-word.
 */
export function fittedComposeUrl(draft: ComposeDraft, more: string, max = MAX_COMPOSE_URL): string {
  const whole = composeUrl(draft);
  if (whole.length <= max) return whole;
  const lines = draft.body.split('\n');
  for (let keep = lines.length - 1; keep >= 0; keep--) {
    const body = [...lines.slice(0, keep), '', more].join('\n');
    const url = composeUrl({ ...draft, body });
    if (url.length <= max) return url;
  }
  return composeUrl({ ...draft, body: more });
}

/** The draft's subject and body in the rep's language: the report's text, figures against the previous period. */
export function reportDraft(
  report: ScheduledReport,
  t: Translate,
  locale: Locale,
): { subject: string; body: string; more: string } {
  return {
    subject: t('report_ready_title', { period: periodLabel(report.period, report.timeZone, locale) }),
    body: reportToText(report, t, locale),
    more: t('report_mail_more'),
  };
}

/** Activities as the account lookup needs them: which signed-in account (N of /mail/u/N/) logged which address. */
export interface AccountSighting {
  repAddress: string | null;
  accountIndex: number | null;
}

/**
 * The rep's own Gmail account number: where mail of one of their addresses was last seen (sightings newest first);
 * 0, Gmail's first account, when none was.
 */
export function accountIndexOf(addresses: readonly string[], sightings: Iterable<AccountSighting>): number {
  const own = new Set(addresses.map(normaliseEmail));
  for (const seen of sightings) {
    if (seen.accountIndex !== null && seen.repAddress && own.has(normaliseEmail(seen.repAddress))) {
      return seen.accountIndex;
    }
  }
  return 0;
}
