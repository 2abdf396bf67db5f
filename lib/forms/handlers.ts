import { StoreError } from '../db/errors';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import { teamClient } from '../team/client';
import { asked } from '../team/handlers';
import { readTeam } from '../team/store';
import type { formsContract } from './contract';
import { formResponseSchema, formsResponseSchema } from './definition';

/**
 * Forms live on the team service, not in the browser's store: the service reads them for every public post while
 * the reps' browsers are closed, and only a manager changes them. So these calls go to the service, as the manager.
 */
export function createFormHandlers(s: WorkerServices): HandlersOf<typeof formsContract> {
  const api = async () => {
    const team = await readTeam(s.db);
    if (!team) throw new StoreError('not-found', 'This browser is not in a team.', null, { team: 'not_joined' });
    return teamClient(s.team.fetch, team.serverUrl, team.token);
  };
  return {
    'forms.list': async () => (await asked((await api()).call('GET', '/v1/forms', formsResponseSchema))).forms,
    'forms.save': async ({ id, definition }) => {
      const path = id === null ? '/v1/forms' : `/v1/forms/${id}`;
      return (await asked((await api()).call('POST', path, formResponseSchema, { definition }))).form;
    },
    'forms.archive': async ({ id, archived }) =>
      (await asked((await api()).call('POST', `/v1/forms/${id}/archive`, formResponseSchema, { archived }))).form,
  };
}
