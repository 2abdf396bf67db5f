import { getCompany } from '../db/companies';
import { getSettings, listReps } from '../db/config';
import { getContact } from '../db/contacts';
import { dealsForContact, getDeal } from '../db/deals';
import { StoreError } from '../db/errors';
import { type Deal, repForAccount } from '../model';
import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { templatesContract } from './contract';
import { renderTemplate } from './render';
import { getTemplate, listTemplates, markTemplateUsed, saveTemplate } from './store';

/** The deal a reply to this person is most likely about: their open deal touched last. */
function newestOpen(deals: readonly Deal[]): Deal | null {
  const open = deals.filter((deal) => deal.deletedAt === null && deal.status === 'open');
  return open.sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

export function createTemplateHandlers(s: WorkerServices): HandlersOf<typeof templatesContract> {
  const db = s.db;
  return {
    'templates.list': async () => listTemplates(db),
    'template.save': async (template) => {
      const saved = await saveTemplate(db, template, s.now());
      s.changed(['templates']);
      return saved;
    },
    'template.render': async ({ id, contactId, dealId }, context) => {
      const template = await getTemplate(db, id);
      if (!template || template.deletedAt !== null) {
        throw new StoreError('not-found', 'This template no longer exists.');
      }
      const [settings, reps, contact] = await Promise.all([
        getSettings(db),
        listReps(db),
        contactId ? getContact(db, contactId) : null,
      ]);
      const live = contact?.deletedAt === null ? contact : null;
      const [company, deal] = await Promise.all([
        live?.companyId ? getCompany(db, live.companyId) : null,
        dealId ? getDeal(db, dealId) : live ? dealsForContact(db, live.id).then(newestOpen) : null,
      ]);
      const snapshot = context.tabId === null ? null : await s.snapshots.get(context.tabId);
      const rep =
        repForAccount(reps, snapshot?.account ?? null) ?? reps.find((r) => r.id === settings.currentRepId) ?? null;
      const { text, missing, unknown } = renderTemplate(template, {
        contact: live,
        company: company?.deletedAt === null ? company : null,
        deal: deal?.deletedAt === null ? deal : null,
        rep,
        now: s.now(),
        settings,
      });
      return { text, missing, unknown };
    },
    'template.used': async ({ id }) => {
      const used = await markTemplateUsed(db, id, s.now());
      s.changed(['templates']);
      return used;
    },
  };
}
