import type { MessageKey } from '@/lib/i18n/translate';
import { RpcFailure } from '@/lib/worker/client';
import { errorText } from '../../format';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

const TEAM_ERRORS = new Set([
  'offline',
  'unavailable',
  'bad_address',
  'invite_invalid',
  'invite_used',
  'invite_expired',
  'unauthorized',
  'forbidden',
]);

/** A team service's refusal or silence in plain words of the rep's language. */
export function teamErrorText(code: string, message: string): string {
  return TEAM_ERRORS.has(code) ? t(`team_error_${code}` as MessageKey) : t('team_error_other', { message });
}

/** Runs a team call, telling the rep in plain words when the service refused or could not be reached. */
export async function teamAttempt<T>(app: Dashboard, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const code = error instanceof RpcFailure ? error.error.details?.team : undefined;
    app.notify(code ? teamErrorText(code, error instanceof Error ? error.message : '') : errorText(error));
    return null;
  }
}
