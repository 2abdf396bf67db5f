import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '@/lib/db/config';
import { openCrmDb } from '@/lib/db/open';
import { localeOf } from '@/lib/i18n/locale';
import { settingsSchema } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 23, 3, 0);

/** Settings as a version before the Khmer digits setting stored them. */
const STORED_BEFORE = {
  language: 'km' as const,
  defaultCurrency: 'KHR',
  enabledCurrencies: ['USD', 'KHR'],
  exchangeRates: { USD: 4100 },
  timeZone: 'Asia/Phnom_Penh',
  workingHours: { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5, 6] },
  neverLogDomains: [],
  defaultPipelineId: null,
  currentRepId: null,
};

describe('the Khmer digits setting in the store', () => {
  it('reads settings stored before it existed, and a Khmer UI then writes Khmer digits', async () => {
    const db = await openCrmDb('digits-before', () => NOW);
    await db.put('settings', STORED_BEFORE, 'settings');
    const settings = await getSettings(db);
    expect(settings).toMatchObject({ language: 'km', defaultCurrency: 'KHR', timeZone: 'Asia/Phnom_Penh' });
    expect(settings.khmerDigits).toBeUndefined();
    expect(localeOf(settings)).toEqual({ language: 'km', khmerDigits: true });
  });

  it('keeps the rep choice when another section saves its own fields', async () => {
    const db = await openCrmDb('digits-kept', () => NOW);
    await db.put('settings', STORED_BEFORE, 'settings');
    await updateSettings(db, settingsSchema.partial().parse({ khmerDigits: false }));
    // settings.update parses its input with settingsSchema.partial(): a zod default there would undo the choice.
    await updateSettings(db, settingsSchema.partial().parse({ timeZone: 'Asia/Bangkok' }));
    expect(localeOf(await getSettings(db))).toEqual({ language: 'km', khmerDigits: false });
  });
});
