import { getSettings, listReps } from '../db/config';
import { StoreError } from '../db/errors';
import type { CrmDb } from '../db/schema';
import { localeOf } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { StoredReport } from './contract';
import type { Translate } from './headline';
import { type AccountSighting, accountIndexOf, fittedComposeUrl, reportDraft } from './report-mail';

/** How many of the newest activities are searched for the rep's account number: enough for weeks of mail. */
const SIGHTINGS_SCANNED = 2_000;

async function newestSightings(db: CrmDb): Promise<AccountSighting[]> {
  const sightings: AccountSighting[] = [];
  let cursor = await db.transaction('activities').store.index('byTime').openCursor(null, 'prev');
  while (cursor && sightings.length < SIGHTINGS_SCANNED) {
    sightings.push(cursor.value);
    cursor = await cursor.continue();
  }
  return sightings;
}

/**
 * The Gmail compose address that drafts `stored` to the manager set in Settings, from the account of this browser's
 * rep, in the rep's language. Refused, naming the setting, when no manager address is set.
 */
export async function reportMailUrl(db: CrmDb, stored: StoredReport): Promise<string> {
  const settings = await getSettings(db);
  const to = settings.managerEmail ?? '';
  if (to === '') {
    throw new StoreError('invalid', "Set the manager's email address in Settings first.", 'managerEmail');
  }
  const rep = (await listReps(db)).find((r) => r.id === settings.currentRepId);
  const addresses = rep ? [rep.email, ...rep.accountEmails] : [];
  const sightings = await newestSightings(db);
  const locale = localeOf(settings);
  const t: Translate = (key, values) => translate(locale, key, values);
  const { subject, body, more } = reportDraft(stored.report, t, locale);
  return fittedComposeUrl({ accountIndex: accountIndexOf(addresses, sightings), to, subject, body }, more);
}
