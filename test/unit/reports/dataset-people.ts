import type { Contact } from '../../../lib/model/contact';
import type { Task } from '../../../lib/model/task';
import { base, CONTACT, NOW, pp, REP, SOURCE, uuid } from './dataset-ids';

interface TaskSpec {
  n: number;
  title: string;
  dueAt: number;
  status: Task['status'];
  ownerId: string;
  deletedAt?: number;
}

function task(spec: TaskSpec): Task {
  return {
    ...base(uuid(8, spec.n), pp(2026, 2, 1, 9), spec.deletedAt ?? null),
    title: spec.title,
    note: '',
    kind: 'todo',
    status: spec.status,
    dueAt: spec.dueAt,
    contactId: null,
    dealId: null,
    companyId: null,
    ownerId: spec.ownerId,
    threadId: null,
    accountIndex: null,
    watch: null,
    firedAt: null,
    completedAt: spec.status === 'done' ? spec.dueAt : null,
    history: [],
  };
}

export const tasks: Task[] = [
  task({ n: 1, title: 'Send the price list', dueAt: pp(2026, 3, 30, 9), status: 'open', ownerId: REP.sokha }),
  task({ n: 2, title: 'ទូរស័ព្ទទៅលោកសុខ', dueAt: pp(2026, 3, 15, 9), status: 'open', ownerId: REP.dara }), // "Call Mr Sok"
  task({ n: 3, title: 'Done already', dueAt: pp(2026, 3, 10, 9), status: 'done', ownerId: REP.sokha }),
  task({ n: 4, title: 'Not due yet', dueAt: pp(2026, 4, 2, 9), status: 'open', ownerId: REP.sokha }),
  task({
    n: 5,
    title: 'Deleted',
    dueAt: pp(2026, 3, 1, 9),
    status: 'open',
    ownerId: REP.sokha,
    deletedAt: pp(2026, 3, 2, 9),
  }),
  // Due exactly now: not overdue yet (dueAt < now is strict).
  task({ n: 6, title: 'Due this instant', dueAt: NOW, status: 'open', ownerId: REP.dara }),
  task({ n: 7, title: 'Cancelled', dueAt: pp(2026, 3, 5, 9), status: 'cancelled', ownerId: REP.dara }),
];

interface ContactSpec {
  id: string;
  name: string;
  createdAt: number;
  lifecycle: Contact['lifecycle'];
  sourceId: string | null;
  ownerId: string;
  deletedAt?: number;
  mergedInto?: string;
}

function contact(spec: ContactSpec): Contact {
  return {
    ...base(spec.id, spec.createdAt, spec.deletedAt ?? null),
    name: spec.name,
    emails: [],
    phones: [],
    jobTitle: '',
    companyId: null,
    lifecycle: spec.lifecycle,
    sourceId: spec.sourceId,
    ownerId: spec.ownerId,
    custom: {},
    mergedInto: spec.mergedInto ?? null,
    lastContactedAt: null,
  };
}

export const contacts: Contact[] = [
  contact({
    id: CONTACT.c1,
    name: 'Chan Sophea',
    createdAt: pp(2026, 1, 15, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // 1 Mar 00:00 local = 28 Feb 17:00 UTC, the first instant of March: a March contact.
  contact({
    id: CONTACT.c2,
    name: 'ស្រីពៅ ហេង',
    createdAt: pp(2026, 3, 1, 0, 0),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // Came in March by referral and is already a customer: still a new contact of March.
  contact({
    id: CONTACT.c3,
    name: 'Lim Vannak',
    createdAt: pp(2026, 3, 10, 9),
    lifecycle: 'customer',
    sourceId: SOURCE.referral,
    ownerId: REP.dara,
  }),
  // 31 Mar 23:30 local: still March; no source recorded.
  contact({
    id: CONTACT.c4,
    name: 'សុខ ណារី',
    createdAt: pp(2026, 3, 31, 23, 30),
    lifecycle: 'lead',
    sourceId: null,
    ownerId: REP.dara,
  }),
  // 1 Apr 00:30 local = 31 Mar 17:30 UTC: April.
  contact({
    id: CONTACT.c5,
    name: 'Keo Dara',
    createdAt: pp(2026, 4, 1, 0, 30),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
  }),
  // Merged into c2 (a merge tombstones the dropped contact): not a new contact.
  contact({
    id: CONTACT.c6,
    name: 'Srey Pov Heng',
    createdAt: pp(2026, 3, 12, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.sokha,
    deletedAt: pp(2026, 3, 13, 9),
    mergedInto: CONTACT.c2,
  }),
  // 1 Apr 00:00 local exactly: the first instant of April, so not March.
  contact({
    id: CONTACT.c8,
    name: 'ចាន់ ធីតា',
    createdAt: pp(2026, 4, 1, 0, 0),
    lifecycle: 'lead',
    sourceId: SOURCE.web,
    ownerId: REP.dara,
  }),
  // February, by referral.
  contact({
    id: CONTACT.c7,
    name: 'Touch Rithy',
    createdAt: pp(2026, 2, 10, 9),
    lifecycle: 'lead',
    sourceId: SOURCE.referral,
    ownerId: REP.sokha,
  }),
];
