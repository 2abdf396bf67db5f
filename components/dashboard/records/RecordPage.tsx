import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { hashFor } from '@/lib/dashboard/links';
import type { TableEntity } from '@/lib/db/views';
import { ChangedBy } from '../../ChangedBy';
import { t } from '../../i18n';
import { useRecordChanges } from '../../record-changes';
import type { Dashboard } from '../app-model';
import { deleteRecords } from '../delete-records';
import { recordTitle } from '../page-title';
import { RecordHistory } from './RecordHistory';
import { TeamConflicts } from './TeamConflicts';

/**
 * The frame of a contact, company or deal page: its title and a Delete that goes back to the list, the toast offering
 * undo; in a team, who changed it last and its history. The page fills in the rest.
 */
export function RecordPage({
  app,
  entity,
  id,
  title,
  name = typeof title === 'string' ? title : null,
  children,
}: {
  app: Dashboard;
  entity: TableEntity;
  id: string;
  title: ComponentChildren;
  /** The record's name for the tab's title, when `title` holds more than the name. */
  name?: string | null;
  children: ComponentChildren;
}) {
  useEffect(() => {
    recordTitle.value = name;
    return () => {
      recordTitle.value = null;
    };
  }, [name]);
  const changes = useRecordChanges(entity, id, app.revision.value);
  const remove = async () => {
    if (await deleteRecords(app, entity, [id])) location.hash = hashFor(entity);
  };
  return (
    <article class="record" aria-labelledby="record-title">
      <div class="row spread">
        <h2 id="record-title" class="name">
          {title}
        </h2>
        <button type="button" class="danger" onClick={() => void remove()}>
          {t('dash_delete')}
        </button>
      </div>
      <ChangedBy changes={changes} timeZone={app.timeZone.value} />
      <TeamConflicts app={app} entity={entity} id={id} />
      {children}
      <RecordHistory app={app} changes={changes} />
    </article>
  );
}
