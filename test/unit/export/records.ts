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

export const defs: CustomPropertyDef[] = [
  {
    ...base(900),
    entity: 'contact',
    key: 'province',
    label: 'Province',
    type: 'select',
    options: ['Phnom Penh', 'សៀមរាប'],
    required: false,
    order: 0,
  },
  {
    ...base(901),
    entity: 'contact',
    key: 'vip',
    label: 'VIP',
    type: 'checkbox',
    options: [],
    required: false,
    order: 1,
  },
  {
    ...base(902),
    entity: 'contact',
    key: 'visits',
    label: 'Visits',
    type: 'number',
    options: [],
    required: false,
    order: 2,
  },
  {
    ...base(903),
    entity: 'contact',
    key: 'met_on',
    label: 'Met on',
    type: 'date',
    options: [],
    required: false,
    order: 3,
  },
  {
    ...base(904),
    entity: 'contact',
    key: 'remark',
    label: 'Remark',
    type: 'text',
    options: [],
    required: false,
    order: 4,
  },
  { ...base(905), entity: 'deal', key: 'tons', label: 'Tons', type: 'number', options: [], required: false, order: 0 },
  {
    ...base(906),
    entity: 'company',
    key: 'industry',
    label: 'Industry',
    type: 'text',
    options: [],
    required: false,
    order: 0,
  },
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
  {
    ...base(10),
    name: 'សុខ ដារ៉ា',
    emails: [{ address: 'Dara@Angkor.com.kh' }, { address: 'dara@gmail.com' }, { address: 'd@x.org' }],
    phones: [{ number: '+855 12 345 678' }, { number: '097 111 222' }],
    jobTitle: 'អ្នកគ្រប់គ្រង "ធំ"',
    companyId: company.id,
    lifecycle: 'customer',
    sourceId: source.id,
    ownerId: rep.id,
    custom: { province: 'សៀមរាប', vip: true, visits: -3, met_on: '2024-12-31', remark: "'=not a formula\nline 2" },
    mergedInto: null,
    lastContactedAt: null,
  },
  {
    ...base(11),
    name: '=HYPERLINK("http://evil.example","x")',
    emails: [{ address: 'evil@example.com' }],
    phones: [],
    jobTitle: '@admin',
    companyId: null,
    lifecycle: 'subscriber',
    sourceId: null,
    ownerId: null,
    custom: { province: null, vip: false, visits: 1.5 },
    mergedInto: null,
    lastContactedAt: null,
  },
];

export const deals: Deal[] = [
  {
    ...base(20),
    title: 'លក់អង្ករ, 10 តោន',
    value: { amount: 4_100_000, currency: 'KHR' },
    pipelineId: corpusPipeline.id,
    stageId: corpusPipeline.stages[2]!.id,
    status: 'won',
    lostReason: '',
    expectedCloseAt: Date.UTC(2025, 11, 30, 17, 0), // 31 Dec in Phnom Penh
    closedAt: null,
    probabilityOverride: null,
    contactIds: [contacts[0]!.id],
    companyId: company.id,
    ownerId: rep.id,
    threadId: null,
    stageChangedAt: T0,
    custom: { tons: 10 },
  },
  {
    ...base(21),
    title: 'Refund',
    value: { amount: -125_005, currency: 'USD' },
    pipelineId: corpusPipeline.id,
    stageId: corpusPipeline.stages[0]!.id,
    status: 'open',
    lostReason: '',
    expectedCloseAt: null,
    closedAt: null,
    probabilityOverride: null,
    contactIds: [],
    companyId: null,
    ownerId: null,
    threadId: null,
    stageChangedAt: T0,
    custom: {},
  },
];

export const exportContext: ExportContext = {
  companiesById: indexById([company]),
  contactsById: indexById(contacts),
  dealsById: indexById(deals),
  pipelinesById: indexById([corpusPipeline]),
  sourcesById: indexById([source]),
  repsById: indexById([rep]),
  customPropertyDefs: defs,
  timeZone: 'Asia/Phnom_Penh',
};
