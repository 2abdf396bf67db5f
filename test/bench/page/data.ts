/**
 * Deterministic bench data: record i of each kind is always the same person, company or deal, so the driver can
 * ask for "contact 41,207's email" without the page keeping 100k rows around. Half the names are in Khmer script,
 * as the guides this product was born from are; e-mail addresses are romanised, as they are in Cambodia.
 */

const GIVEN: readonly (readonly [string, string])[] = [
  ['Dara', 'ដារ៉ា'],
  ['Sokha', 'សុខា'],
  ['Bopha', 'បុប្ផា'],
  ['Vannak', 'វណ្ណៈ'],
  ['Sreymom', 'ស្រីមុំ'],
  ['Chanthy', 'ចន្ធី'],
  ['Rithy', 'រិទ្ធី'],
  ['Kosal', 'កុសល'],
  ['Sophea', 'សុភា'],
  ['Channa', 'ចាន់ណា'],
  ['Piseth', 'ពិសិដ្ឋ'],
  ['Sreyneang', 'ស្រីនាង'],
  ['Visal', 'វិសាល'],
  ['Mony', 'មុន្នី'],
  ['Sothea', 'សុធា'],
  ['Ratana', 'រតនា'],
  ['Michael', 'ម៉ៃឃើល'],
  ['Linh', 'លីញ'],
  ['Sarah', 'សារ៉ា'],
  ['David', 'ដាវីដ'],
  ['Kimheng', 'គឹមហេង'],
  ['Sokunthea', 'សុគន្ធា'],
  ['Vibol', 'វិបុល'],
  ['Leakhena', 'លក្ខិណា'],
];
const FAMILY: readonly (readonly [string, string])[] = [
  ['Kim', 'គឹម'],
  ['Chea', 'ជា'],
  ['Ouk', 'អ៊ុក'],
  ['Heng', 'ហេង'],
  ['Tan', 'តាន់'],
  ['Sok', 'សុខ'],
  ['Lim', 'លឹម'],
  ['Hun', 'ហ៊ុន'],
  ['Mao', 'ម៉ៅ'],
  ['Sun', 'ស៊ុន'],
  ['Keo', 'កែវ'],
  ['Nget', 'ង៉ែត'],
  ['Prak', 'ប្រាក់'],
  ['Chhun', 'ឈុន'],
  ['Long', 'ឡុង'],
  ['Nguyen', 'ង្វៀន'],
];
const TITLES = [
  'Sales Manager',
  'Logistics Coordinator',
  'Purchasing Officer',
  'Managing Director',
  'Accountant',
  'ប្រធានផ្នែកលក់',
  'អ្នកសម្របសម្រួលដឹកជញ្ជូន',
  'នាយកប្រតិបត្តិ',
];

// Khmer company names are compounds written without spaces: kind + trade + place, 10 × 40 × 25 = 10,000.
const KH_KIND = ['ធនាគារ', 'ក្រុមហ៊ុន', 'ហាង', 'សណ្ឋាគារ', 'រោងចក្រ', 'សហគ្រាស', 'ភោជនីយដ្ឋាន', 'មន្ទីរពេទ្យ', 'សាលា', 'ផ្សារ'];
const KH_TRADE = [
  'ជាតិ',
  'ដឹកជញ្ជូន',
  'ពាណិជ្ជកម្ម',
  'អគ្គិសនី',
  'សំណង់',
  'កសិកម្ម',
  'ទេសចរណ៍',
  'វាយនភណ្ឌ',
  'ឱសថ',
  'គ្រឿងសង្ហារិម',
  'ម្ហូបអាហារ',
  'កាហ្វេ',
  'ស្រូវអង្ករ',
  'ត្រី',
  'ឈើ',
  'ដែក',
  'ប្រេង',
  'ទឹកស្អាត',
  'បច្ចេកវិទ្យា',
  'ទូរគមនាគមន៍',
  'ធានារាប់រង',
  'ហិរញ្ញវត្ថុ',
  'អចលនទ្រព្យ',
  'ការបោះពុម្ព',
  'គ្រឿងអលង្ការ',
  'សម្លៀកបំពាក់',
  'កៅស៊ូ',
  'ស្ករ',
  'ម្រេច',
  'ស្វាយចន្ទី',
  'ថ្ម',
  'ស៊ីម៉ងត៍',
  'កញ្ចប់',
  'ផ្លាស្ទិក',
  'ក្រដាស',
  'ថាមពល',
  'ព្រៃឈើ',
  'ជលផល',
  'សត្វពាហនៈ',
  'សិប្បកម្ម',
];
const KH_PLACE = [
  'នៃកម្ពុជា',
  'ភ្នំពេញ',
  'សៀមរាប',
  'បាត់ដំបង',
  'កំពត',
  'កែប',
  'ព្រះសីហនុ',
  'កំពង់ចាម',
  'តាកែវ',
  'ពោធិ៍សាត់',
  'ក្រចេះ',
  'ស្ទឹងត្រែង',
  'រតនគិរី',
  'មណ្ឌលគិរី',
  'ព្រះវិហារ',
  'បន្ទាយមានជ័យ',
  'កោះកុង',
  'ស្វាយរៀង',
  'ព្រៃវែង',
  'កណ្តាល',
  'កំពង់ស្ពឺ',
  'កំពង់ធំ',
  'កំពង់ឆ្នាំង',
  'ឧត្តរមានជ័យ',
  'ប៉ៃលិន',
];
const EN_STEM = [
  'Angkor',
  'Mekong',
  'Tonle',
  'Bayon',
  'Lotus',
  'Golden',
  'Royal',
  'Apsara',
  'Kampot',
  'Sokha',
  'Lucky',
  'Delta',
  'Orchid',
  'Pacific',
  'Asia',
  'Sunrise',
  'Emerald',
  'Jade',
  'Silver',
  'Phoenix',
  'Crown',
  'Harbor',
  'River',
  'Summit',
  'Prime',
  'Unity',
  'Vista',
  'Zenith',
  'Pioneer',
  'Horizon',
  'Citadel',
  'Meridian',
  'Aurora',
  'Falcon',
  'Tiger',
  'Elephant',
  'Naga',
  'Garuda',
  'Lion',
  'Dragon',
];
const EN_TRADE = [
  'Trading',
  'Logistics',
  'Freight',
  'Retail',
  'Transport',
  'Construction',
  'Agro',
  'Textiles',
  'Pharma',
  'Furniture',
  'Foods',
  'Coffee',
  'Rice',
  'Seafood',
  'Timber',
  'Steel',
  'Energy',
  'Water',
  'Tech',
  'Telecom',
  'Insurance',
  'Finance',
  'Realty',
  'Printing',
  'Jewelry',
];
const EN_SUFFIX = [
  'Co., Ltd.',
  'Group',
  'Holdings',
  'Enterprise',
  'Partners',
  'Industries',
  'Corp.',
  'Plc',
  'Trading',
  'Services',
];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com'];
const PRODUCTS = [
  'Forklifts',
  'Cold storage',
  'Fleet service',
  'Packaging',
  'Solar panels',
  'ERP rollout',
  'Office fit-out',
];

export const COMPANY_COUNT = 20_000;

/** A 32-bit mix (lowbias32): scatters sequential numbers, so ids and picks look random but are reproducible. */
export function mix(n: number): number {
  let x = n >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const BENCH_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * A version 7 UUID unique per (kind, index), ascending with the index as the app's own ids ascend with creation
 * time (lib/model/id.ts): the time field counts milliseconds from 2024-01-01 by index, the kind fills the sequence
 * bits and the rest is a reproducible scramble.
 */
export function benchId(kind: number, index: number): string {
  const time = (BENCH_EPOCH_MS + index).toString(16).padStart(12, '0');
  const tail = mix(index * 31 + kind)
    .toString(16)
    .padStart(8, '0');
  const more = mix(index ^ (kind << 24))
    .toString(16)
    .padStart(8, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${kind.toString(16).padStart(3, '0')}-8${tail.slice(0, 3)}-${tail.slice(3)}${more.slice(1)}`;
}

export const KIND = { company: 1, contact: 2, deal: 3, activity: 4 } as const;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** 0 → "ka", 1 → "kb" …: a distinct letters-only label, as real domains rarely have digits. */
function letters(n: number): string {
  let out = '';
  let x = n;
  do {
    out = String.fromCharCode(97 + (x % 26)) + out;
    x = Math.floor(x / 26);
  } while (x > 0);
  return `k${out}`;
}

export interface BenchCompany {
  name: string;
  domain: string;
}

/** Company 0 is the National Bank of Cambodia, so the syllable-run query "កម្ពុជា" has a known answer. */
export function companyAt(index: number): BenchCompany {
  const n = Math.floor(index / 2);
  if (index % 2 === 0) {
    const name = `${pick(KH_KIND, n)}${pick(KH_TRADE, Math.floor(n / 10))}${pick(KH_PLACE, Math.floor(n / 400))}`;
    return { name, domain: `${letters(n)}.com.kh` };
  }
  const stem = pick(EN_STEM, n);
  const trade = pick(EN_TRADE, Math.floor(n / 40));
  const name = `${stem} ${trade} ${pick(EN_SUFFIX, Math.floor(n / 1000))}`;
  const suffix = pick(EN_SUFFIX, Math.floor(n / 1000)).replace(/[^A-Za-z]/g, '');
  return { name, domain: `${stem}-${trade}-${suffix}.com.kh`.toLowerCase() };
}

export interface BenchPerson {
  name: string;
  email: string;
  phone: string;
  jobTitle: string;
  /** Index of the company (0..COMPANY_COUNT-1), or null for a private person. */
  company: number | null;
}

export function personAt(index: number): BenchPerson {
  const r = mix(index + 0x5eed);
  const given = pick(GIVEN, r);
  const family = pick(FAMILY, r >>> 8);
  const khmer = (r >>> 16) % 2 === 0;
  const company = (r >>> 20) % 10 < 7 ? mix(index * 7 + 1) % COMPANY_COUNT : null;
  const local = `${given[0]}.${family[0]}${index}`.toLowerCase();
  const domain = company === null ? pick(FREE_MAIL, r >>> 4) : companyAt(company).domain;
  return {
    name: khmer ? `${given[1]} ${family[1]}` : `${given[0]} ${family[0]}`,
    email: `${local}@${domain}`,
    phone: `+855 ${10 + (r % 89)} ${String(r % 1000).padStart(3, '0')} ${String((r >>> 10) % 1000).padStart(3, '0')}`,
    jobTitle: pick(TITLES, r >>> 12),
    company,
  };
}

export function dealTitleAt(index: number, companyName: string): string {
  return `${pick(PRODUCTS, mix(index))} — ${companyName}`;
}

/** Activities crowd on a few contacts, as they do on a rep's best customers: contact = n·u² for uniform u. */
export function activityContactAt(index: number, contactCount: number): number {
  const u = mix(index + 0xac7) / 0x1_0000_0000;
  return Math.floor(contactCount * u * u);
}

/** A query mix per search kind; each list is cycled through, so every query is measured equally often. */
export const SEARCH_QUERIES = {
  latinPrefix: ['da', 'sok', 'kim', 'bop', 'chan', 'mich', 'heng', 'angk', 'logis', 'freigh', 'mekong', 'sales'],
  // A pasted address of contact 4,321, a local part, a free-mail domain and a company domain.
  email: ['linh.kim4321@outlook.com', 'dara.kim', 'sokha.chea1', 'gmail.com', 'kb.com.kh'],
  khmerWordPrefix: ['ដារ៉ា', 'សុខា', 'គឹម', 'ជា', 'ធនាគារ', 'ក្រុមហ៊ុន', 'សុ', 'ស្រី', 'បុប្ផា', 'ហេង'],
  khmerSyllableRun: ['កម្ពុជា', 'ជញ្ជូន', 'ពាណិជ្ជកម្ម', 'សៀមរាប', 'ព្រះសីហនុ', 'អគ្គិសនី', 'ទេសចរណ៍', 'កំពត'],
  twoWords: ['dara kim', 'sokha chea', 'ដារ៉ា គឹម', 'សុខា ជា', 'angkor-logistics', 'bopha mekong'],
  noMatch: ['zzqx', 'ឃឃឃ', 'nobody.here'],
} as const;
export type SearchKind = keyof typeof SEARCH_QUERIES;

/**
 * The CSV a rep would export from a spreadsheet: a header row as people write it, quoted where needed. Its row i
 * is person i, so the import of it is the bench's 100k contacts.
 */
export function importCsv(rows: number): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = ['Name,Email,Phone,Company,Job Title,Lifecycle Stage,Source'];
  const stages = ['Lead', 'Customer', 'Opportunity', 'Subscriber'];
  const sources = ['Trade show', 'Website form', 'Referral', 'Webinar'];
  for (let i = 0; i < rows; i++) {
    const p = personAt(i);
    const company = p.company === null ? '' : companyAt(p.company).name;
    lines.push(
      [p.name, p.email, p.phone, company, p.jobTitle, pick(stages, i), pick(sources, i >>> 2)].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
