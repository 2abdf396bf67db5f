import type { Activity, Task } from '@/lib/model';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';
import { useTeamStatus } from '../team/team-status';
import { ActivityComposer } from './ActivityComposer';
import { RecordTasks } from './RecordTasks';
import { recordActions } from './record-actions';
import { Timeline } from './Timeline';

/**
 * A record's tasks, then its activities with the composer above the timeline: what every record page shows in its
 * second column, tied to the record(s) that `link` names.
 */
export function RecordActivity({
  app,
  link,
  tasks,
  activities,
  headingId,
}: {
  app: Dashboard;
  link: Parameters<typeof recordActions>[1];
  tasks: Task[];
  activities: Activity[];
  /** The id of the activities heading, for a section it names. */
  headingId?: string;
}) {
  const actions = recordActions(app, link);
  const joined = useTeamStatus(app)?.joined ?? false;
  const repName = (id: string) => app.reps.value.find((rep) => rep.id === id)?.name ?? null;
  return (
    <>
      <h3>{t('dash_nav_tasks')}</h3>
      <RecordTasks tasks={tasks} timeZone={app.timeZone.value} {...actions.tasks} />
      <h3 id={headingId}>{t('activities_title')}</h3>
      <ActivityComposer onAdd={actions.addActivity} />
      <Timeline
        activities={activities}
        timeZone={app.timeZone.value}
        repName={joined ? repName : undefined}
        onDelete={actions.deleteActivity}
      />
    </>
  );
}
