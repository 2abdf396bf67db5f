import { BUILT_IN_KIND_IDS } from './service';
import type { Template } from './template';

/**
 * The templates a profile starts with, in English and Khmer: a complaint received, an answer to an inquiry, and the
 * satisfaction survey that asks for a score from 1 to 5, the first two for the built-in kinds of thread they answer.
 * Their ids and times are fixed, so every browser of a team
 * seeds the same records and joining sends no copy of them, nor a conflict.
 */
const SEEDED_AT = Date.UTC(2026, 11, 1);
const seedId = (n: number) => `5eed7e57-0000-4000-8000-${String(n).padStart(12, '0')}`;

const SEEDS: { name: string; language: Template['language']; kindId: string | null; body: string }[] = [
  {
    name: 'Complaint received',
    language: 'en',
    kindId: BUILT_IN_KIND_IDS.complaint,
    body: `Dear {{contact.firstName}},

Thank you for telling us about this problem, and we are sorry for the trouble it has caused you. We received your complaint on {{date.today}}, and I am looking into it myself.

You will hear from me within one working day with what we found and what we will do about it.

Kind regards,
{{rep.name}}`,
  },
  {
    name: 'បានទទួលការត្អូញត្អែរ',
    language: 'km',
    kindId: BUILT_IN_KIND_IDS.complaint,
    body: `ជម្រាបសួរ {{contact.name}}

សូមអរគុណដែលបានប្រាប់យើងខ្ញុំអំពីបញ្ហានេះ ហើយយើងខ្ញុំសូមអភ័យទោសចំពោះការរំខានដែលវាបានបង្កដល់លោកអ្នក។ យើងខ្ញុំបានទទួលការត្អូញត្អែររបស់លោកអ្នកនៅថ្ងៃទី {{date.today}} ហើយខ្ញុំកំពុងពិនិត្យមើលវាដោយផ្ទាល់។

ខ្ញុំនឹងឆ្លើយតបទៅលោកអ្នកវិញក្នុងរយៈពេលមួយថ្ងៃធ្វើការ អំពីអ្វីដែលយើងខ្ញុំបានរកឃើញ និងអ្វីដែលយើងខ្ញុំនឹងធ្វើ។

ដោយក្តីគោរព
{{rep.name}}`,
  },
  {
    name: 'Answer to an inquiry',
    language: 'en',
    kindId: BUILT_IN_KIND_IDS.inquiry,
    body: `Dear {{contact.firstName}},

Thank you for your inquiry. Here is what you asked about:



For {{company.name}}, {{deal.title}} comes to {{deal.amount}}.

If anything is unclear, just reply to this email.

Best regards,
{{rep.name}}`,
  },
  {
    name: 'ឆ្លើយតបការសាកសួរ',
    language: 'km',
    kindId: BUILT_IN_KIND_IDS.inquiry,
    body: `ជម្រាបសួរ {{contact.name}}

សូមអរគុណចំពោះការសាកសួររបស់លោកអ្នក។ នេះជាព័ត៌មានដែលលោកអ្នកបានសួរ៖



សម្រាប់ {{company.name}} {{deal.title}} មានតម្លៃ {{deal.amount}}។

ប្រសិនបើមានចំណុចណាមិនច្បាស់ សូមឆ្លើយតបមកអ៊ីមែលនេះ។

ដោយក្តីគោរព
{{rep.name}}`,
  },
  {
    name: 'Satisfaction survey',
    language: 'en',
    kindId: null,
    body: `Dear {{contact.firstName}},

How satisfied are you with the way we handled your request? Please reply to this email with just one number from 1 to 5:

5 – very satisfied
4 – satisfied
3 – neither satisfied nor dissatisfied
2 – dissatisfied
1 – very dissatisfied

Thank you for helping us serve you better.
{{rep.name}}`,
  },
  {
    name: 'ការស្ទង់មតិអំពីការពេញចិត្ត',
    language: 'km',
    kindId: null,
    body: `ជម្រាបសួរ {{contact.name}}

តើលោកអ្នកពេញចិត្តកម្រិតណា ចំពោះរបៀបដែលយើងខ្ញុំបានដោះស្រាយសំណើរបស់លោកអ្នក? សូមឆ្លើយតបមកអ៊ីមែលនេះ ដោយសរសេរតែលេខមួយពី ១ ដល់ ៥៖

៥ – ពេញចិត្តខ្លាំងណាស់
៤ – ពេញចិត្ត
៣ – ធម្មតា
២ – មិនពេញចិត្ត
១ – មិនពេញចិត្តខ្លាំងណាស់

សូមអរគុណដែលបានជួយឱ្យយើងខ្ញុំបម្រើលោកអ្នកបានកាន់តែប្រសើរ។
{{rep.name}}`,
  },
];

export function seedTemplates(): Template[] {
  return SEEDS.map((seed, i) => ({
    id: seedId(i + 1),
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    deletedAt: null,
    ...seed,
    usageCount: 0,
    lastUsedAt: null,
  }));
}
