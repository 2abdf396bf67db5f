import type { CustomPropertyDef } from '../model/custom-property';

export type ImportEntity = 'contact' | 'company' | 'deal';

/** Record fields a column can fill, per entity. Names, not labels: the UI translates them. */
export const FIELD_TARGETS = {
  contact: [
    'name',
    'firstName',
    'lastName',
    'email',
    'email2',
    'phone',
    'jobTitle',
    'company',
    'lifecycle',
    'source',
    'owner',
    'notes',
    'id',
  ],
  company: ['name', 'domain', 'phone', 'address', 'owner', 'id'],
  deal: [
    'title',
    'amount',
    'currency',
    'pipeline',
    'stage',
    'expectedClose',
    'status',
    'company',
    'contactEmail',
    'owner',
    'id',
  ],
} as const satisfies Record<ImportEntity, readonly string[]>;

export type FieldTarget<E extends ImportEntity = ImportEntity> = (typeof FIELD_TARGETS)[E][number];
export type CustomTarget = `custom:${string}`;
export type MappingTarget<E extends ImportEntity = ImportEntity> = FieldTarget<E> | CustomTarget | 'skip';

/** Header (as returned by parseCsv, so unique) → where its values go. Headers missing from the map are skipped. */
export type ColumnMapping = Record<string, MappingTarget>;

/** Exported custom property columns are named `custom:<key>` so they map back without guessing at labels. */
export const CUSTOM_COLUMN_PREFIX = 'custom:';

export function customTarget(key: string): CustomTarget {
  return `${CUSTOM_COLUMN_PREFIX}${key}`;
}

export function isCustomTarget(target: string): target is CustomTarget {
  return target.startsWith(CUSTOM_COLUMN_PREFIX);
}

/** The ID column of our own export (and the name a rep may give it): it names the record a row updates. */
const ID_HEADERS = ['id', 'sidecar id', 'record id', 'លេខសម្គាល់'];

/**
 * Synonyms per target, written as people write them; compared after normaliseHeader(). Khmer has spelling variants
 * in the wild (អ៊ីមែល / អ៊ីម៉ែល, សក្តានុពល / សក្ដានុពល), so both are listed.
 */
const SYNONYMS: { [E in ImportEntity]: { [T in FieldTarget<E>]: readonly string[] } } = {
  contact: {
    name: ['name', 'full name', 'contact name', 'contact', 'display name', 'person', 'ឈ្មោះ', 'ឈ្មោះពេញ', 'ឈ្មោះអតិថិជន'],
    firstName: ['first name', 'firstname', 'given name', 'forename', 'first', 'នាមខ្លួន', 'ឈ្មោះខ្លួន'],
    lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'នាមត្រកូល', 'ត្រកូល'],
    email: [
      'email',
      'e-mail',
      'email address',
      'e-mail address',
      'mail',
      'email 1',
      'primary email',
      'work email',
      'អ៊ីមែល',
      'អ៊ីម៉ែល',
      'អាសយដ្ឋានអ៊ីមែល',
      'អាសយដ្ឋានអ៊ីម៉ែល',
    ],
    email2: [
      'email 2',
      'e-mail 2',
      'e-mail 2 address',
      'email address 2',
      'secondary email',
      'other email',
      'personal email',
      'អ៊ីមែល 2',
      'អ៊ីម៉ែល 2',
      'អ៊ីមែលទី2',
    ],
    phone: [
      'phone',
      'phone number',
      'mobile',
      'mobile phone',
      'mobile number',
      'cell',
      'cell phone',
      'telephone',
      'tel',
      'work phone',
      'business phone',
      'primary phone',
      'whatsapp',
      'telegram',
      'ទូរស័ព្ទ',
      'លេខទូរស័ព្ទ',
      'លេខទូរសព្ទ',
      'ទូរសព្ទ',
      'ទូរស័ព្ទដៃ',
    ],
    jobTitle: ['job title', 'title', 'position', 'role', 'job', 'designation', 'តួនាទី', 'មុខតំណែង', 'មុខងារ'],
    company: [
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'employer',
      'business',
      'account',
      'account name',
      'ក្រុមហ៊ុន',
      'ឈ្មោះក្រុមហ៊ុន',
      'អង្គភាព',
      'ស្ថាប័ន',
    ],
    lifecycle: ['lifecycle', 'lifecycle stage', 'stage', 'status', 'lead status', 'ដំណាក់កាល', 'ស្ថានភាព'],
    source: ['source', 'lead source', 'original source', 'channel', 'ប្រភព'],
    owner: ['owner', 'contact owner', 'sales rep', 'rep', 'assigned to', 'ម្ចាស់', 'អ្នកទទួលខុសត្រូវ'],
    notes: ['notes', 'note', 'comments', 'comment', 'description', 'remarks', 'កំណត់ចំណាំ', 'ចំណាំ', 'សម្គាល់'],
    id: ID_HEADERS,
  },
  company: {
    name: [
      'name',
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'business name',
      'account name',
      'ឈ្មោះ',
      'ក្រុមហ៊ុន',
      'ឈ្មោះក្រុមហ៊ុន',
    ],
    domain: [
      'domain',
      'domains',
      'website',
      'web site',
      'url',
      'company domain',
      'company domain name',
      'គេហទំព័រ',
      'ដែន',
    ],
    phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'ទូរស័ព្ទ', 'លេខទូរស័ព្ទ', 'ទូរសព្ទ'],
    address: ['address', 'street address', 'location', 'អាសយដ្ឋាន', 'ទីតាំង'],
    owner: ['owner', 'company owner', 'sales rep', 'rep', 'assigned to', 'ម្ចាស់', 'អ្នកទទួលខុសត្រូវ'],
    id: ID_HEADERS,
  },
  deal: {
    title: [
      'title',
      'deal',
      'deal name',
      'deal title',
      'name',
      'opportunity',
      'opportunity name',
      'ចំណងជើង',
      'ឈ្មោះ',
      'កិច្ចព្រមព្រៀង',
    ],
    amount: ['amount', 'value', 'deal value', 'deal amount', 'price', 'total', 'ចំនួនទឹកប្រាក់', 'ទឹកប្រាក់', 'តម្លៃ'],
    currency: ['currency', 'currency code', 'រូបិយប័ណ្ណ', 'រូបិយបណ្ណ'],
    pipeline: ['pipeline', 'deal pipeline', 'បំពង់', 'បំពង់លក់'],
    stage: ['stage', 'deal stage', 'ដំណាក់កាល'],
    expectedClose: [
      'expected close',
      'expected close date',
      'close date',
      'closing date',
      'expected closing date',
      'ថ្ងៃបិទ',
      'កាលបរិច្ឆេទបិទ',
      'ថ្ងៃរំពឹងបិទ',
    ],
    status: ['status', 'deal status', 'won lost', 'ស្ថានភាព'],
    company: ['company', 'company name', 'organization', 'organisation', 'account', 'ក្រុមហ៊ុន', 'ឈ្មោះក្រុមហ៊ុន'],
    contactEmail: ['contact email', 'contact e-mail', 'email', 'e-mail', 'contact', 'អ៊ីមែល', 'អ៊ីម៉ែល', 'អ៊ីមែលអតិថិជន'],
    owner: ['owner', 'deal owner', 'sales rep', 'rep', 'assigned to', 'ម្ចាស់', 'អ្នកទទួលខុសត្រូវ'],
    id: ID_HEADERS,
  },
};

/**
 * Case, spaces, punctuation and invisible characters do not distinguish headers: "E-mail Address", "email_address"
 * and "EMAIL ADDRESS" are one name. Khmer combining signs (\p{M}) are letters' parts and are kept.
 */
export function normaliseHeader(header: string): string {
  return (
    header
      .normalize('NFKC')
      .toLowerCase()
      // Khmer keyboards let people type the vowel sign U+17BB where U+17CA belongs before ី: "អុីមែល" for "អ៊ីមែល".
      .replace(/\u17bb(?=[\u17b7\u17b8])/g, '\u17ca')
      .replace(/[\u17b7\u17b8]\u17ca/g, (pair) => `\u17ca${pair[0]}`)
      .replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0))
      .replace(/[\p{P}\p{Z}\p{S}\p{Cc}\p{Cf}\s]/gu, '')
  );
}

const NORMALISED: { [E in ImportEntity]: Map<string, FieldTarget<E>> } = {
  contact: synonymIndex('contact'),
  company: synonymIndex('company'),
  deal: synonymIndex('deal'),
};

function synonymIndex<E extends ImportEntity>(entity: E): Map<string, FieldTarget<E>> {
  const index = new Map<string, FieldTarget<E>>();
  const table = SYNONYMS[entity] as Record<FieldTarget<E>, readonly string[]>;
  for (const target of FIELD_TARGETS[entity] as readonly FieldTarget<E>[]) {
    for (const synonym of table[target]) {
      const key = normaliseHeader(synonym);
      // First listed wins, so a synonym shared by two targets goes to the one it is listed under first.
      if (!index.has(key)) index.set(key, target);
    }
  }
  return index;
}

/** Everything a column of this entity can be mapped to, for the mapping screen's select. */
export function mappingTargets(entity: ImportEntity, defs: readonly CustomPropertyDef[]): MappingTarget[] {
  return [...FIELD_TARGETS[entity], ...liveDefs(entity, defs).map((def) => customTarget(def.key)), 'skip'];
}

export function liveDefs(entity: ImportEntity, defs: readonly CustomPropertyDef[]): CustomPropertyDef[] {
  return defs.filter((def) => def.entity === entity && def.deletedAt === null).sort((a, b) => a.order - b.order);
}

/**
 * A first mapping for the rep to correct. Each target is used once, left to right; a second email column becomes
 * "email 2" for contacts. `custom:<key>` headers (our own export) map to their property exactly; otherwise a
 * built-in synonym beats a custom property's label or key.
 */
export function guessMapping(
  headers: readonly string[],
  entity: ImportEntity,
  defs: readonly CustomPropertyDef[],
): ColumnMapping {
  const customs = liveDefs(entity, defs);
  const byKey = new Map(customs.map((def) => [def.key, def]));
  const byLabel = new Map<string, CustomPropertyDef>();
  for (const def of customs) {
    for (const text of [def.label, def.key]) {
      const key = normaliseHeader(text);
      if (!byLabel.has(key)) byLabel.set(key, def);
    }
  }
  const synonyms = NORMALISED[entity] as Map<string, MappingTarget>;
  const used = new Set<MappingTarget>();
  const mapping: ColumnMapping = {};
  const take = (header: string, target: MappingTarget | undefined): boolean => {
    if (target === undefined || used.has(target)) return false;
    used.add(target);
    mapping[header] = target;
    return true;
  };

  for (const header of headers) {
    const trimmed = header.trim();
    const exact = /^custom:([a-z][a-z0-9_]*)$/i.exec(trimmed);
    if (exact) {
      const def = byKey.get((exact[1] ?? '').toLowerCase());
      if (!take(header, def ? customTarget(def.key) : undefined)) mapping[header] = 'skip';
      continue;
    }
    const key = normaliseHeader(trimmed);
    const builtIn = synonyms.get(key);
    if (take(header, builtIn)) continue;
    if (entity === 'contact' && builtIn === 'email' && take(header, 'email2')) continue;
    const def = byLabel.get(key);
    if (take(header, def ? customTarget(def.key) : undefined)) continue;
    mapping[header] = 'skip';
  }
  return mapping;
}

/** Targets without which a row cannot become a record; at least one of each inner list must be mapped. */
const REQUIRED: Record<ImportEntity, readonly (readonly MappingTarget[])[]> = {
  // A contact needs a name, but an email alone will do: its address becomes the name (mailing-list exports).
  contact: [['name', 'firstName', 'lastName', 'email']],
  company: [['name']],
  deal: [['title']],
};

/**
 * The required targets the mapping lacks, as lists of alternatives: [['name', 'firstName', 'lastName', 'email']].
 * Required custom properties count too: without their column every new record would fail validation.
 */
export function missingRequiredTargets(
  entity: ImportEntity,
  mapping: ColumnMapping,
  defs: readonly CustomPropertyDef[] = [],
): MappingTarget[][] {
  const mapped = new Set(Object.values(mapping));
  const required: (readonly MappingTarget[])[] = [
    ...REQUIRED[entity],
    ...liveDefs(entity, defs)
      .filter((def) => def.required)
      .map((def) => [customTarget(def.key)]),
  ];
  return required.filter((anyOf) => !anyOf.some((target) => mapped.has(target))).map((anyOf) => [...anyOf]);
}

/**
 * A key for "the same kind of file again", so the mapping the rep confirmed last time is offered next time. Order
 * and case of columns do not matter; their names do.
 */
export function headerSignature(headers: readonly string[]): string {
  const canonical = headers
    .map((header) => header.trim().toLowerCase())
    .sort()
    .join('\u001f');
  return `h1-${fnv1a(canonical, 0x811c9dc5)}${fnv1a(canonical, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
