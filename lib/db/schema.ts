import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  Activity,
  CloseReason,
  Company,
  Competitor,
  Contact,
  CustomPropertyDef,
  Deal,
  Pipeline,
  Plan,
  PlanBudgetLine,
  PlanOwner,
  PlanTarget,
  Rep,
  ServiceThread,
  Settings,
  Source,
  Task,
  Template,
  ThreadKind,
} from '../model';
import type { ThreadFact } from '../model/inbox-seen';
import type { Clock } from '../sync/hlc';
import type { Conflict, FieldWrite } from '../sync/merge';
import type { Mutation, Role, SyncEntity } from '../sync/protocol';

/**
 * Stored rows carry index keys derived from the record on every write: `emailKeys` (normalised addresses, unique)
 * and `searchKeys` (see lib/search/tokens.ts). They are never part of what the rest of the app sees.
 */
export type ContactRow = Contact & { emailKeys: string[]; searchKeys: string[] };
export type CompanyRow = Company & { searchKeys: string[] };
export type DealRow = Deal & { searchKeys: string[] };
/** `messageKey` = "<gmail message id>|<contact id>": one email activity per message and contact. */
export type ActivityRow = Activity & { messageKey?: string };
export type StoredRow = ContactRow | CompanyRow | DealRow;

export interface ImportRecord {
  id: string;
  entity: 'contacts' | 'companies' | 'deals';
  fileName: string;
  startedAt: number;
  finishedAt: number | null;
  status: 'running' | 'done' | 'cancelled' | 'undone';
  /** Rows handled so far: an interrupted import resumes after these. */
  processedRows: number;
  totalRows: number;
  createdIds: string[];
  /** The records as they were before this import updated them, for undo. */
  previous: Array<ContactRow | CompanyRow | DealRow>;
}

/** A contact merge, journaled for undo: the rows the merge wrote, as they were before it. */
export interface MergeRecord {
  id: string;
  keepId: string;
  dropId: string;
  mergedAt: number;
  undoneAt: number | null;
  before: { keep: ContactRow; drop: ContactRow; deals: DealRow[]; activities: ActivityRow[]; tasks: Task[] };
}

export interface ThreadPrefs {
  threadId: string;
  doNotLog: boolean;
}

/** A teammate as the team service names them: field writes and conflicts say who by these ids. */
export interface TeamRep {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The one row of the `sync` store, present only while this browser belongs to a team (a lone rep has none, and every
 * record write checks for it once per transaction). The device token opens the service; it never leaves the worker.
 */
export interface TeamSync {
  serverUrl: string;
  team: { id: string; name: string };
  rep: TeamRep;
  deviceId: string;
  deviceName: string;
  token: string;
  joinedAt: number;
  /** The team version pulled up to; pages are applied with it in one transaction, so none is skipped. */
  cursor: number;
  /** The team's version at the last pull, for the progress of a first sync. */
  teamVersion: number;
  /** This device's hybrid logical clock: every local field write is stamped from it. */
  clock: Clock;
  /** The number the next outbox mutation gets: 1, 2, 3… per device, no gap. */
  nextSeq: number;
  /** Whether the records written before joining have been queued for the team. */
  seeded: boolean;
  reps: TeamRep[];
  lastSyncAt: number | null;
  /** Why the last round failed (`offline` when the service could not be reached), or null. */
  lastError: { code: string; message: string; at: number } | null;
  /**
   * The rep left this team: the row stays, without its token, only to say which team the field clocks are of (a
   * browser that joins another team later sends its records afresh). A left row is no membership.
   */
  left?: true;
}

/**
 * The merge state of one synced record (lib/sync/merge.ts): each field's winning write with its clock, and the
 * writes that lost. `dismissed` holds the stamps of conflicts the rep has read and put away.
 */
export interface FieldClockRow {
  entity: SyncEntity;
  id: string;
  fields: Record<string, FieldWrite>;
  conflicts: Conflict[];
  dismissed: string[];
}

export interface CrmSchema extends DBSchema {
  contacts: {
    key: string;
    value: ContactRow;
    indexes: { byEmail: string; byCompany: string; bySearch: string; byUpdated: number };
  };
  companies: { key: string; value: CompanyRow; indexes: { byDomain: string; bySearch: string; byName: string } };
  deals: {
    key: string;
    value: DealRow;
    indexes: {
      byContact: string;
      byCompany: string;
      byStage: [string, string];
      byStatus: string;
      bySearch: string;
      byUpdated: number;
      byCompetitor: string;
    };
  };
  activities: {
    key: string;
    value: ActivityRow;
    indexes: {
      byContactTime: [string, number];
      byThread: string;
      byMessageKey: string;
      byDeal: string;
      byCompany: string;
      byTime: number;
    };
  };
  tasks: {
    key: string;
    value: Task;
    indexes: { byStatusDue: [string, number]; byContact: string; byDeal: string; byThread: string };
  };
  pipelines: { key: string; value: Pipeline };
  sources: { key: string; value: Source };
  reps: { key: string; value: Rep };
  propertyDefs: { key: string; value: CustomPropertyDef; indexes: { byEntity: string } };
  settings: { key: 'settings'; value: Settings };
  threadPrefs: { key: string; value: ThreadPrefs };
  imports: { key: string; value: ImportRecord; indexes: { byStarted: number } };
  merges: { key: string; value: MergeRecord; indexes: { byKeep: string } };
  sync: { key: 'team'; value: TeamSync };
  /** Local changes waiting to be pushed to the team, by mutation number. */
  outbox: { key: number; value: Mutation };
  fieldClocks: { key: [string, string]; value: FieldClockRow };
  threadFacts: { key: string; value: ThreadFact; indexes: { byUpdated: number } };
  threadKinds: { key: string; value: ThreadKind };
  serviceThreads: { key: string; value: ServiceThread; indexes: { byThread: string } };
  templates: { key: string; value: Template };
  closeReasons: { key: string; value: CloseReason };
  competitors: { key: string; value: Competitor };
  plans: { key: string; value: Plan };
  planBudgetLines: { key: string; value: PlanBudgetLine };
  planOwners: { key: string; value: PlanOwner };
  planTargets: { key: string; value: PlanTarget };
}

export type CrmDb = IDBPDatabase<CrmSchema>;
export type UpgradeTx = IDBPTransaction<CrmSchema, StoreNames<CrmSchema>[], 'versionchange'>;

/**
 * v1: the records and the hot-path indexes (email, domain, links, timeline, due tasks).
 * v2: search keys (word and Khmer-syllable prefixes) on contacts, companies and deals, backfilled from v1 rows;
 *     per-thread logging preferences; import history for resume and undo.
 * v3: search keys re-made: word starts found without the browser's word breaker, word-pair keys for two-word
 *     queries, no key that merely starts another. Same indexes; every searchable row is re-keyed.
 * Since v3, a contact's keys no longer hold its company's name (search reaches people through their company). Rows
 * written before keep those keys without a new version: they stay the current company's, because every write that
 * renames or deletes a company or moves a person re-keys the person (rekeyCompanyLinks: the company form, an import
 * and its undo, a merged backup), and search drops the duplicate; re-keying 100k rows in an upgrade would buy
 * nothing but a smaller index, and each row loses them when it is next written.
 * v4: the merge journal, so a contact merge can be undone. Merges made before it have none and stay as they are.
 * v5: activities say where an email's time came from (`timeSource`) and which signed-in account saw it
 *     (`accountIndex`); both null on rows logged before. Email activities logged with no rep get the rep their
 *     account address belongs to, so per-rep figures count the mail logged before reps were recorded.
 * v6: the team stores: `sync` (the membership, empty for a lone rep), `outbox` (changes to push, written in the
 *     transaction of the change) and `fieldClocks` (per record, each field's clock and the values that lost).
 *     No row changes.
 * v7: thread facts (`threadFacts`, by thread, and by when last seen to read recent ones and forget old ones): the
 *     messages seen in Gmail's lists and unread feed without the thread being opened, and threads with people who
 *     are not contacts, for "no reply" and response times. No row changes.
 * v8: serving customers: the business's kinds of inbound thread with their rules and targets (`threadKinds`, seeded
 *     with inquiry, complaint and other) and each thread's kind, owner and wait (`serviceThreads`, by Gmail thread).
 *     No row changes.
 * v9: reply templates (`templates`), business-wide and synced, seeded in English and Khmer on new and upgraded
 *     databases alike. No row changes.
 * v10: win/loss: the business's lists of reasons deals are won and lost for (`closeReasons`, seeded with defaults),
 *     its `competitors`, and deals found by the competitors on them (`byCompetitor`). Every deal gets the new fields;
 *     a lost deal's free-text reason stays, as the reason "other" in the rep's words.
 * v13: the customer-relationship plan: `plans` (one, seeded empty), `planBudgetLines`, `planOwners` (each change of
 *     owner a record) and `planTargets` (seeded with the guide's two examples), all synced. No row changes.
 */
export const DB_VERSION = 13;
export const DB_NAME = 'sidecar-crm';
