import { z } from 'zod';

/**
 * What the content script reads off a webmail page. It is data from an untrusted page: the worker and the sidebar
 * parse it with this schema, and every string in it is shown as text, never as HTML. Bounds keep a hostile page
 * from sending megabytes.
 */
const text = (max: number) => z.string().max(max);

export const snapshotPerson = z.object({
  /**
   * As shown by the webmail (display form); compare with normaliseEmail(). Empty when the page shows the name alone
   * (Outlook often does): the sidebar says so and the rep completes it; an address is never made up from a name.
   */
  email: text(254),
  name: text(300),
});
export type SnapshotPerson = z.infer<typeof snapshotPerson>;

export const snapshotMessage = z.object({
  /** Gmail's message id (`#msg-f:…` without the `#`), or the legacy hex id when that is all there is. */
  id: text(200),
  legacyId: text(100).nullable(),
  from: snapshotPerson.nullable(),
  /** Recipients; Gmail does not tell To from Cc for collapsed messages, so they may all be in `to`. */
  to: z.array(snapshotPerson).max(200),
  cc: z.array(snapshotPerson).max(200),
  /** Epoch ms when the adapter could parse the page's time, else null. */
  time: z.number().int().nullable(),
  timeText: text(200),
  collapsed: z.boolean(),
  /** The last lines of the message body, where signatures live; empty for collapsed messages. */
  tail: text(2000),
});
export type SnapshotMessage = z.infer<typeof snapshotMessage>;

export const PARTICIPANT_ROLES = ['from', 'to', 'cc', 'bcc'] as const;
export const snapshotParticipant = snapshotPerson.extend({
  roles: z.array(z.enum(PARTICIPANT_ROLES)).max(4),
});
export type SnapshotParticipant = z.infer<typeof snapshotParticipant>;

export const snapshotCompose = z.object({
  /** Draft id when Gmail has one, else a stable index-based key. */
  id: text(200),
  inline: z.boolean(),
  subject: text(1000),
  to: z.array(snapshotPerson).max(200),
  cc: z.array(snapshotPerson).max(200),
  bcc: z.array(snapshotPerson).max(200),
});
export type SnapshotCompose = z.infer<typeof snapshotCompose>;

export const WEBMAIL_VIEWS = ['thread', 'compose', 'list', 'other', 'unrecognised'] as const;

export const WEBMAIL_PROVIDERS = ['gmail', 'outlook'] as const;

export const webmailSnapshot = z.object({
  provider: z.enum(WEBMAIL_PROVIDERS),
  /** The signed-in account's address (normalised), when the page shows it. */
  account: text(254).nullable(),
  /** N of Gmail's /mail/u/N/ (or Outlook.com's /mail/N/), to build links back to a thread in the right account. */
  accountIndex: z.number().int().min(0).max(99),
  view: z.enum(WEBMAIL_VIEWS),
  thread: z
    .object({
      id: text(100),
      permId: text(200).nullable(),
      subject: text(1000),
      messages: z.array(snapshotMessage).max(500),
      /** Gmail labels shown on the thread, for the kinds' label rules (lib/service/kinds.ts); absent elsewhere. */
      labels: z.array(text(100)).max(50).optional(),
    })
    .nullable(),
  /** People in the open thread and composes, the rep excluded, deduplicated by normalised address. */
  participants: z.array(snapshotParticipant).max(500),
  composes: z.array(snapshotCompose).max(20),
  /** Why the view could not be read, when view is "unrecognised". */
  problem: text(300).nullable(),
});
export type WebmailSnapshot = z.infer<typeof webmailSnapshot>;
