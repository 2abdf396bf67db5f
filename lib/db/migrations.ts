import type { Company, Contact, Deal, Rep } from '../model';
import {
  defaultCloseReasons,
  defaultPipeline,
  defaultSettings,
  defaultSources,
  defaultThreadKinds,
  repForAccount,
  seedPlan,
  seedPlanTargets,
  seedTemplates,
} from '../model';
import { companyRow, contactRow, dealRow, stripRow } from './rows';
import type { CrmDb, UpgradeTx } from './schema';

/** Each rung runs once, in order, so a database several versions behind climbs every one of them. */
export function upgradeCrmDb(db: CrmDb, oldVersion: number, tx: UpgradeTx, now: number): void {
  if (oldVersion < 1) {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('byEmail', 'emailKeys', { unique: true, multiEntry: true });
    contacts.createIndex('byCompany', 'companyId');
    contacts.createIndex('byUpdated', 'updatedAt');
    const companies = db.createObjectStore('companies', { keyPath: 'id' });
    companies.createIndex('byDomain', 'domains', { multiEntry: true });
    companies.createIndex('byName', 'name');
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('byContact', 'contactIds', { multiEntry: true });
    deals.createIndex('byCompany', 'companyId');
    deals.createIndex('byStage', ['pipelineId', 'stageId']);
    deals.createIndex('byStatus', 'status');
    deals.createIndex('byUpdated', 'updatedAt');
    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('byContactTime', ['contactId', 'occurredAt']);
    activities.createIndex('byThread', 'threadId');
    activities.createIndex('byMessageKey', 'messageKey', { unique: true });
    activities.createIndex('byDeal', 'dealId');
    activities.createIndex('byCompany', 'companyId');
    activities.createIndex('byTime', 'occurredAt');
    const tasks = db.createObjectStore('tasks', { keyPath: 'id' });
    tasks.createIndex('byStatusDue', ['status', 'dueAt']);
    tasks.createIndex('byContact', 'contactId');
    tasks.createIndex('byDeal', 'dealId');
    tasks.createIndex('byThread', 'threadId');
    db.createObjectStore('pipelines', { keyPath: 'id' });
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('reps', { keyPath: 'id' });
    const defs = db.createObjectStore('propertyDefs', { keyPath: 'id' });
    defs.createIndex('byEntity', 'entity');
    db.createObjectStore('settings');

    const pipeline = defaultPipeline(now);
    void tx.objectStore('pipelines').put(pipeline);
    for (const source of defaultSources(now)) void tx.objectStore('sources').put(source);
    void tx.objectStore('settings').put(defaultSettings(pipeline.id), 'settings');
  }
  if (oldVersion < 2) {
    tx.objectStore('contacts').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    tx.objectStore('companies').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    tx.objectStore('deals').createIndex('bySearch', 'searchKeys', { multiEntry: true });
    db.createObjectStore('threadPrefs', { keyPath: 'threadId' });
    db.createObjectStore('imports', { keyPath: 'id' }).createIndex('byStarted', 'startedAt');
  }
  // v2 added the keys and v3 changed how they are made: either way, rows written before v3 are keyed again.
  if (oldVersion >= 1 && oldVersion < 3) rekeySearch(tx);
  if (oldVersion < 4) db.createObjectStore('merges', { keyPath: 'id' }).createIndex('byKeep', 'keepId');
  if (oldVersion >= 1 && oldVersion < 5) fillActivityAccounts(tx);
  if (oldVersion < 6) {
    db.createObjectStore('sync');
    db.createObjectStore('outbox', { keyPath: 'seq' });
    db.createObjectStore('fieldClocks', { keyPath: ['entity', 'id'] });
  }
  if (oldVersion < 7)
    db.createObjectStore('threadFacts', { keyPath: 'threadId' }).createIndex('byUpdated', 'updatedAt');
  if (oldVersion < 8) {
    const kinds = db.createObjectStore('threadKinds', { keyPath: 'id' });
    for (const kind of defaultThreadKinds()) void kinds.put(kind);
    db.createObjectStore('serviceThreads', { keyPath: 'id' }).createIndex('byThread', 'threadId');
  }
  if (oldVersion < 9) {
    const templates = db.createObjectStore('templates', { keyPath: 'id' });
    for (const template of seedTemplates()) void templates.put(template);
  }
  if (oldVersion < 10) upgradeWinLoss(db, oldVersion, tx, now);
  if (oldVersion < 13) {
    void db.createObjectStore('plans', { keyPath: 'id' }).put(seedPlan());
    db.createObjectStore('planBudgetLines', { keyPath: 'id' });
    db.createObjectStore('planOwners', { keyPath: 'id' });
    const targets = db.createObjectStore('planTargets', { keyPath: 'id' });
    for (const target of seedPlanTargets()) void targets.put(target);
  }
}

/**
 * v10: the reason lists (with their defaults) and competitors; each existing deal gets the win/loss fields, a lost
 * deal's free-text reason becoming its "other" words so no reason a rep wrote is lost.
 */
function upgradeWinLoss(db: CrmDb, oldVersion: number, tx: UpgradeTx, now: number): void {
  const reasons = db.createObjectStore('closeReasons', { keyPath: 'id' });
  for (const reason of defaultCloseReasons(now)) void reasons.put(reason);
  db.createObjectStore('competitors', { keyPath: 'id' });
  tx.objectStore('deals').createIndex('byCompetitor', 'competitorIds', { multiEntry: true });
  if (oldVersion < 1) return;
  void tx
    .objectStore('deals')
    .openCursor()
    .then(async (start) => {
      let cursor = start;
      while (cursor) {
        const row = cursor.value;
        await cursor.update({
          ...row,
          closeReasonId: row.closeReasonId ?? null,
          closeReasonOther: row.closeReasonOther ?? (row.status === 'lost' ? row.lostReason : ''),
          lostToCompetitorId: row.lostToCompetitorId ?? null,
          competitorIds: row.competitorIds ?? [],
        });
        cursor = await cursor.continue();
      }
    });
}

/**
 * v5: every activity row gets the fields v5 added, and an email logged without a rep gets the rep whose account
 * logged it (its `repAddress`), when a rep has that address. Reps are read first, then one cursor walks the
 * activities inside the upgrade transaction.
 */
function fillActivityAccounts(tx: UpgradeTx): void {
  void tx
    .objectStore('reps')
    .getAll()
    .then(async (reps: Rep[]) => {
      let cursor = await tx.objectStore('activities').openCursor();
      while (cursor) {
        const row = cursor.value;
        const repId =
          row.repId ?? (row.type === 'email' ? (repForAccount(reps, row.repAddress ?? null)?.id ?? null) : null);
        await cursor.update({
          ...row,
          repId,
          timeSource: row.timeSource ?? null,
          accountIndex: row.accountIndex ?? null,
        });
        cursor = await cursor.continue();
      }
    });
}

/**
 * Writes every searchable row's keys afresh. Companies are read first so each contact is keyed with its company's
 * name too. Cursors chain inside the upgrade transaction (no outside awaits), which keeps it alive to the end.
 */
function rekeySearch(tx: UpgradeTx): void {
  const companyNames = new Map<string, string>();
  const companies = tx.objectStore('companies');
  void companies.openCursor().then(async function walkCompanies(cursor): Promise<void> {
    while (cursor) {
      const row = cursor.value;
      companyNames.set(row.id, row.deletedAt === null ? row.name : '');
      await cursor.update(companyRow(stripRow(row) as Company));
      cursor = await cursor.continue();
    }
    let contactCursor = await tx.objectStore('contacts').openCursor();
    while (contactCursor) {
      const contact = stripRow(contactCursor.value) as Contact;
      await contactCursor.update(contactRow(contact, companyNames.get(contact.companyId ?? '') ?? ''));
      contactCursor = await contactCursor.continue();
    }
    let dealCursor = await tx.objectStore('deals').openCursor();
    while (dealCursor) {
      const deal = stripRow(dealCursor.value) as Deal;
      await dealCursor.update(dealRow(deal, companyNames.get(deal.companyId ?? '') ?? ''));
      dealCursor = await dealCursor.continue();
    }
  });
}
