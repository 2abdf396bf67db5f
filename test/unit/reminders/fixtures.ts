import { newTask } from '@/lib/db/tasks';
import { type Task, taskSchema } from '@/lib/model';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 10, 24, 2, 0); // Tuesday 24 Nov 2026, 09:00 in Phnom Penh

let counter = 0;

/** A stored-looking open task; ids are UUIDs ordered by creation so ties sort predictably. */
export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return taskSchema.parse({ ...newTask({ title: `Task ${counter}`, dueAt: T0 }, T0 - DAY, id), ...overrides });
}

/** Results must still be storable: the worker validates every computed task before saving it. */
export function storable(task: Task): Task {
  return taskSchema.parse(task);
}
