import { newRecordBase } from './common';
import type { Pipeline } from './pipeline';
import type { Settings } from './settings';
import type { Source } from './source';
import { DEFAULT_SOURCE_KEYS } from './source';

/**
 * The stages a new profile's pipeline starts with. Stored names are English, the same for every rep of a team; the
 * UI shows a stage that still carries one of these names in the rep's language, by its key, and a renamed stage as
 * the rep named it.
 */
export const DEFAULT_STAGES = [
  { key: 'connect', name: 'Connect', probability: 0.1 },
  { key: 'qualify', name: 'Qualify', probability: 0.3 },
  { key: 'demo', name: 'Demo', probability: 0.6 },
  { key: 'close', name: 'Close', probability: 0.9 },
] as const;

/** What a new profile starts with. Names are English; the UI translates built-in sources and stages by key. */
export function defaultPipeline(now: number): Pipeline {
  return {
    ...newRecordBase(now),
    name: 'Sales',
    stages: DEFAULT_STAGES.map(({ name, probability }) => ({ id: crypto.randomUUID(), name, probability })),
    ownerId: null,
    order: 0,
  };
}

const SOURCE_NAMES: Record<(typeof DEFAULT_SOURCE_KEYS)[number], string> = {
  'trade-show': 'Trade show',
  'website-form': 'Website form',
  webinar: 'Webinar',
  referral: 'Referral',
  email: 'Email',
  other: 'Other',
};

export function defaultSources(now: number): Source[] {
  return DEFAULT_SOURCE_KEYS.map((key, order) => ({ ...newRecordBase(now), name: SOURCE_NAMES[key], key, order }));
}

export function defaultSettings(pipelineId: string | null, timeZone = guessTimeZone()): Settings {
  return {
    language: 'en',
    defaultCurrency: 'USD',
    enabledCurrencies: ['USD', 'KHR'],
    // Riel has been held near 4,000–4,100 per dollar for years; the rep edits it in settings.
    exchangeRates: { KHR: 1 / 4100 },
    timeZone,
    workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5, 6] },
    neverLogDomains: [],
    defaultPipelineId: pipelineId,
    currentRepId: null,
  };
}

function guessTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Phnom_Penh';
  } catch {
    return 'Asia/Phnom_Penh';
  }
}
