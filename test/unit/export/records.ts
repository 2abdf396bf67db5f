import { newContact } from '../../../lib/db/contacts';
import { newDeal } from '../../../lib/db/deals';
import { type ExportContext, indexById } from '../../../lib/export/tables';
import type { Company } from '../../../lib/model/company';
import type { Contact } from '../../../lib/model/contact';
import type { CustomPropertyDef } from '../../../lib/model/custom-property';
import type { Deal } from '../../../lib/model/deal';
import type { Rep } from '../../../lib/model/rep';
import type { Source } from '../../../lib/model/source';
import { corpusPipeline } from '../../fixtures/csv/context';

/** Records to export: Khmer text, formula-like cells, every custom property type, a negative amount. */
export const T0 = Date.UTC(2025, 2, 4, 3, 30);
export const base = (n: number) => ({
  id: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
});

function def(
  n: number,
  entity: CustomPropertyDef['entity'],
  [key, label]: [string, string],
  type: CustomPropertyDef['type'],
  order: number,
  options: string[] = [],
): CustomPropertyDef {
  return { ...base(n), entity, key, label, type, options, required: false, order };
}

export const defs: CustomPropertyDef[] = [
  def(900, 'contact', ['province', 'Province'], 'select', 0, ['Phnom Penh', 'សៀមរាប']),
  def(901, 'contact', ['vip', 'VIP'], 'checkbox', 1),
  def(902, 'contact', ['visits', 'Visits'], 'number', 2),
  def(903, 'contact', ['met_on', 'Met on'], 'date', 3),
  def(904, 'contact', ['remark', 'Remark'], 'text', 4),
  def(905, 'deal', ['tons', 'Tons'], 'number', 0),
  def(906, 'company', ['industry', 'Industry'], 'text', 0),
];

export const company: Company = {
  ...base(1),
  name: 'ក្រុមហ៊ុន អង្គរ, ត្រេឌីង',
  domains: ['angkor.com.kh', 'angkor.asia'],
  phone: '+855 23 123 456',
  address: '#12, St. 310\nPhnom Penh',
  ownerId: null,
  custom: { industry: '=Rice' },
};
export const source: Source = { ...base(2), name: 'ការណែនាំ', key: null, order: 0 };
export const rep: Rep = { ...base(3), name: 'Sokha', email: 'sokha@sidecar.example', accountEmails: [] };

export const contacts: Contact[] = [
  newContact(
    {
      name: 'សុខ ដារ៉ា',
      emails: [{ address: 'Dara@Angkor.com.kh' }, { address: 'dara@gmail.com' }, { address: 'd@x.org' }],
      phones: [{ number: '+855 12 345 678' }, { number: '097 111 222' }],
      jobTitle: 'អ្នកគ្រប់គ្រង "ធំ"',
      companyId: company.id,
      lifecycle: 'customer',
      sourceId: source.id,
      ownerId: rep.id,
      custom: { province: 'សៀមរាប', vip: true, visits: -3, met_on: '2024-12-31', remark: "'=not a formula\nline 2" },
    },
    T0,
    base(10).id,
  ),
  newContact(
    {
      name: '=HYPERLINK("http://evil.example","x")',
      emails: [{ address: 'evil@example.com' }],
      jobTitle: '@admin',
      lifecycle: 'subscriber',
      custom: { province: null, vip: false, visits: 1.5 },
    },
    T0,
    base(11).id,
  ),
];

export const deals: Deal[] = [
  newDeal(
    {
      title: 'លក់អង្ករ, 10 តោន',
      value: { amount: 4_100_000, currency: 'KHR' },
      pipelineId: corpusPipeline.id,
      stageId: corpusPipeline.stages[2]!.id,
      status: 'won',
      expectedCloseAt: Date.UTC(2025, 11, 30, 17, 0), // 31 Dec in Phnom Penh
      contactIds: [contacts[0]!.id],
      companyId: company.id,
      ownerId: rep.id,
      custom: { tons: 10 },
    },
    T0,
    base(20).id,
  ),
  newDeal(
    {
      title: 'Refund',
      value: { amount: -125_005, currency: 'USD' },
      pipelineId: corpusPipeline.id,
      stageId: corpusPipeline.stages[0]!.id,
    },
    T0,
    base(21).id,
  ),
];

export const exportContext: ExportContext = {
  companiesById: indexById([company]),
  contactsById: indexById(contacts),
  dealsById: indexById(deals),
  pipelinesById: indexById([corpusPipeline]),
  sourcesById: indexById([source]),
  repsById: indexById([rep]),
  propertyDefs: defs,
  timeZone: 'Asia/Phnom_Penh',
};
