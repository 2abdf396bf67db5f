import type { ComponentChildren } from 'preact';
import type { SnapshotParticipant } from '@/lib/model';
import { Avatar } from '../Avatar';
import { t } from '../i18n';

/** A person of the thread at a glance: avatar, their name (as text, or a field to edit it), address and part. */
export function PersonHead({
  person,
  name,
  children,
}: {
  person: SnapshotParticipant;
  name: string;
  children: ComponentChildren;
}) {
  return (
    <div class="who">
      <Avatar name={name} email={person.email} />
      {children}
      <span class="email" dir="ltr">
        {person.email}
      </span>
      <span class="roles muted">{person.roles.map((role) => t(`role_${role}`)).join(', ')}</span>
    </div>
  );
}
