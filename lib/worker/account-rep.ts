import * as activities from '../db/activities';
import * as config from '../db/config';
import { StoreError } from '../db/errors';
import type { Rep } from '../model';
import { newRecordBase, normaliseEmail } from '../model';
import type { WorkerServices } from '../rpc/services';

/**
 * The rep answered "Which rep is you on this account?" for the signed-in `account`: it joins the chosen rep's
 * accounts, or makes a new rep (named `name`, else the address's local part) whose own address it is. The mail
 * already logged from that account with no rep becomes theirs, and a browser with no rep of its own takes this one.
 */
export async function claimAccount(
  s: WorkerServices,
  account: string,
  repId: string | null,
  name: string | undefined,
): Promise<Rep> {
  const address = normaliseEmail(account);
  const now = s.now();
  let rep: Rep;
  if (repId !== null) {
    const chosen = (await config.listReps(s.db)).find((r) => r.id === repId);
    if (!chosen) throw new StoreError('not-found', 'This rep no longer exists.');
    rep = chosen.accountEmails.some((a) => normaliseEmail(a) === address)
      ? chosen
      : await config.saveRep(s.db, { ...chosen, accountEmails: [...chosen.accountEmails, address] }, now);
  } else {
    const given = name?.trim() || address.slice(0, address.indexOf('@'));
    rep = await config.saveRep(
      s.db,
      { ...newRecordBase(now), name: given, email: address, accountEmails: [address] },
      now,
    );
  }
  const stores = ['reps'];
  if ((await config.getSettings(s.db)).currentRepId === null) {
    await config.updateSettings(s.db, { currentRepId: rep.id });
    stores.push('settings');
  }
  if ((await activities.assignAccountMail(s.db, address, rep.id, now)) > 0) stores.push('activities');
  s.changed(stores);
  return rep;
}
