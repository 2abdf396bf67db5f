import type { Activity, Task } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import type { ActivityInput } from './ActivityComposer';

/**
 * The timeline and task callbacks every record page shares, tied to the record(s) they belong to; `tasks` is what
 * RecordTasks takes, whole.
 */
export function recordActions(app: Dashboard, link: { contactId?: string; dealId?: string; companyId?: string }) {
  const repId = () => app.settings.value?.currentRepId ?? null;
  return {
    addActivity: (input: ActivityInput, requestId: string) =>
      call('activity.add', {
        ...input,
        requestId,
        occurredAt: Date.now(),
        contactId: link.contactId ?? null,
        dealId: link.dealId ?? null,
        companyId: link.companyId ?? null,
        repId: repId(),
      }),
    deleteActivity: (activity: Activity) =>
      void app.undoable(
        () => call('activity.setDeleted', { id: activity.id, deleted: true }),
        t('dash_activity_deleted'),
        () => call('activity.setDeleted', { id: activity.id, deleted: false }),
      ),
    tasks: {
      onCreate: (title: string, dueAt: number, requestId: string) =>
        call('task.create', {
          title,
          dueAt,
          requestId,
          contactId: link.contactId ?? null,
          dealId: link.dealId ?? null,
          companyId: link.companyId ?? null,
          ownerId: repId(),
        }),
      onComplete: (task: Task) => call('task.complete', { id: task.id }),
      onReopen: (task: Task) => call('task.reopen', { id: task.id }),
      onReschedule: (task: Task, dueAt: number) => call('task.reschedule', { id: task.id, dueAt }),
    },
  };
}
