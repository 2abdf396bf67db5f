import type { RecordBase, Task } from '../model';
import { newRecordBase, taskSchema } from '../model';
import { commit, StoreError, validate } from './errors';
import { putRecord, recordTx, writeRecord } from './record-write';
import type { CrmDb } from './schema';
import { addOnce } from './write-once';

export type TaskDraft = Partial<Omit<Task, keyof RecordBase | 'history' | 'firedAt' | 'completedAt' | 'status'>> & {
  title: string;
  dueAt: number;
};

/** The open task a draft makes: the draft over the defaults, its history begun. Not yet validated. */
export function newTask(draft: TaskDraft, now: number, id?: string): Task {
  return {
    ...newRecordBase(now, id),
    note: '',
    kind: 'follow-up',
    contactId: null,
    dealId: null,
    companyId: null,
    ownerId: null,
    threadId: null,
    accountIndex: null,
    watch: null,
    ...draft,
    status: 'open',
    firedAt: null,
    completedAt: null,
    history: [{ at: now, event: 'created', detail: '' }],
  };
}

/**
 * `requestId` becomes the task's id: a call repeated after its answer was lost (the worker stopped mid-reply)
 * returns the task the first call made instead of making a second one.
 */
export async function createTask(db: CrmDb, draft: TaskDraft, now: number, requestId?: string): Promise<Task> {
  const task = validate(taskSchema, newTask(draft, now, requestId), 'Task');
  return (await addOnce(db, 'tasks', task)) as Task;
}

export async function getTask(db: CrmDb, id: string): Promise<Task | null> {
  return (await db.get('tasks', id)) ?? null;
}

/** Writes a task computed by lib/reminders (snoozed, done, fired …) after validating it whole. */
export async function saveTask(db: CrmDb, task: Task, now: number): Promise<Task> {
  const exists = await db.getKey('tasks', task.id);
  if (!exists) throw new StoreError('not-found', 'This task no longer exists.');
  const valid = validate(taskSchema, { ...task, updatedAt: now }, 'Task');
  await writeRecord(db, 'tasks', valid);
  return valid;
}

/** Saves several computed tasks in one transaction: a fired group is marked all or not at all. */
export async function saveTasks(db: CrmDb, tasks: Task[], now: number): Promise<void> {
  const valid = tasks.map((task) => validate(taskSchema, { ...task, updatedAt: now }, 'Task'));
  const tx = recordTx(db, 'tasks');
  await commit(tx, async () => {
    for (const task of valid) await putRecord(tx, 'tasks', task);
  });
}

export async function openTasks(db: CrmDb): Promise<Task[]> {
  const rows = await db.getAllFromIndex('tasks', 'byStatusDue', IDBKeyRange.bound(['open', 0], ['open', Infinity]));
  return rows.filter((t) => t.deletedAt === null);
}

export async function tasksForThread(db: CrmDb, threadId: string): Promise<Task[]> {
  return (await db.getAllFromIndex('tasks', 'byThread', threadId)).filter((t) => t.deletedAt === null);
}
