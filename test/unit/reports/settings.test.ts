import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '@/lib/model';

const SCHEDULE = { id: '0b9e1b7e-4c1e-4a53-9d7f-2f5b8f7d1a01', frequency: 'weekly', time: '08:30', repId: null };

describe('report schedules in the settings', () => {
  it('lets settings stored before the field existed parse, with no schedules', () => {
    const { reportSchedules: _, ...old } = defaultSettings(null, 'Asia/Phnom_Penh');
    const parsed = settingsSchema.parse(old);
    expect(parsed.reportSchedules ?? []).toEqual([]);
    expect(parsed.language).toBe('en');
  });

  it('keeps the schedules when a patch from another settings section leaves them out', () => {
    // settings.update parses its input with settingsSchema.partial(): a default there would wipe the schedules.
    const patch = settingsSchema.partial().parse({ language: 'km' });
    expect('reportSchedules' in patch).toBe(false);
    const stored = settingsSchema.parse({ ...defaultSettings(null, 'UTC'), reportSchedules: [SCHEDULE] });
    expect(settingsSchema.parse({ ...stored, ...patch }).reportSchedules).toEqual([SCHEDULE]);
  });

  it('refuses a schedule with a bad time', () => {
    const bad = { ...defaultSettings(null, 'UTC'), reportSchedules: [{ ...SCHEDULE, time: '25:00' }] };
    expect(settingsSchema.safeParse(bad).success).toBe(false);
  });
});
