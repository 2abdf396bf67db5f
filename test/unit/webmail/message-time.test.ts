import { messageTime, parseMailDate, timeFromLegacyId, timeFromPermId } from '@/lib/webmail/message-time';

const NOW = Date.UTC(2026, 11, 6);
const PHNOM_PENH = 'Asia/Phnom_Penh';
/** 10:15 on 16 January 2024 in Phnom Penh (UTC+7). */
const MORNING = Date.UTC(2024, 0, 16, 3, 15);
const EVENING = Date.UTC(2024, 0, 16, 15, 15);

describe('times from Gmail ids', () => {
  it('reads the hex legacy id as epoch milliseconds before its last five digits', () => {
    expect(new Date(timeFromLegacyId('14804ad5ff61cc88', NOW)!).toISOString()).toMatch(/^2014-08-23T21:02:24\./);
    expect(new Date(timeFromLegacyId('101865c04ac2427f', NOW)!).toISOString()).toMatch(/^2005-01-18T15:06:12\./);
  });

  it('reads the same number in decimal from msg-f and thread-f ids', () => {
    const decimal = BigInt('0x14804ad5ff61cc88').toString();
    expect(timeFromPermId(`#msg-f:${decimal}`, NOW)).toBe(timeFromLegacyId('14804ad5ff61cc88', NOW));
    expect(timeFromPermId(`thread-f:${decimal}`, NOW)).toBe(timeFromLegacyId('14804ad5ff61cc88', NOW));
  });

  it('refuses what is not such an id, or lands outside Gmail’s lifetime', () => {
    expect(timeFromLegacyId('undefined', NOW)).toBeNull();
    expect(timeFromLegacyId('0000000000000001', NOW)).toBeNull();
    expect(timeFromLegacyId('ffffffffffffffff', NOW)).toBeNull();
    expect(timeFromPermId('thread-f:undefined', NOW)).toBeNull();
    expect(timeFromPermId('#msg-f:99999999999999999999', NOW)).toBeNull();
    // A message "from tomorrow" by more than a day is a misread, not a time.
    const inAWeek = `${(NOW + 7 * 86_400_000).toString(16)}00000`;
    expect(timeFromLegacyId(inAWeek, NOW)).toBeNull();
  });
});

describe('parseMailDate in the languages Gmail is read in', () => {
  it.each([
    ['Tue, Jan 16, 2024, 10:15 AM', MORNING],
    ['Tue, 16 Jan 2024, 10:15', MORNING],
    ['Jan 16, 2024 at 10:15 PM', EVENING],
    ['mar. 16 janv. 2024, 10:15', MORNING],
    ['Di., 16. Jan. 2024, 22:15', EVENING],
    ['mar, 16 ene 2024, 22:15', EVENING],
    ['ថ្ងៃអង្គារ ១៦ មករា ២០២៤ ១០:១៥ ព្រឹក', MORNING],
    ['១៦ មករា ២០២៤, ១០:១៥ ល្ងាច', EVENING],
    ['16 មករា 2024 22:15', EVENING],
    ['อ. 16 ม.ค. 2567 10:15', MORNING],
    ['16 มกราคม ๒๕๖๗ เวลา 22:15', EVENING],
    ['2024年1月16日 下午10:15', EVENING],
    ['2024年1月16日(火) 10:15', MORNING],
    ['2024년 1월 16일 (화) 오후 10:15', EVENING],
    ['Th 3, 16 thg 1, 2024, 10:15 SA', MORNING],
    ['16 янв. 2024 г., 22:15', EVENING],
    ['Sel, 16 Jan 2024, 10.15', MORNING],
    ['2024-01-16 22:15', EVENING],
  ])('%s', (text, expected) => {
    expect(parseMailDate(text, PHNOM_PENH)).toBe(expected);
  });

  it('reads the wall clock in the time zone it is given', () => {
    expect(parseMailDate('Jan 16, 2024, 10:15 AM', 'Europe/Paris')).toBe(Date.UTC(2024, 0, 16, 9, 15));
  });

  it('gives null rather than a guess', () => {
    expect(parseMailDate('01/02/2024 10:15', PHNOM_PENH)).toBeNull();
    expect(parseMailDate('Summary of 16 items 2024', PHNOM_PENH)).toBeNull();
    expect(parseMailDate('Feb 31, 2024', PHNOM_PENH)).toBeNull();
    expect(parseMailDate('13:15 PM Jan 16, 2024', PHNOM_PENH)).toBeNull();
    expect(parseMailDate('', PHNOM_PENH)).toBeNull();
  });
});

describe('messageTime', () => {
  const message = { id: 'msg-f:1', legacyId: null as string | null, time: null, timeText: '' };

  it('takes the id first, the text second, the moment of logging last, and says which', () => {
    expect(
      messageTime({ ...message, legacyId: '14804ad5ff61cc88', timeText: '16 មករា 2024 10:15' }, PHNOM_PENH, NOW),
    ).toEqual({ at: timeFromLegacyId('14804ad5ff61cc88', NOW), source: 'id' });
    expect(messageTime({ ...message, timeText: '១៦ មករា ២០២៤ ១០:១៥ ព្រឹក' }, PHNOM_PENH, NOW)).toEqual({
      at: MORNING,
      source: 'text',
    });
    expect(messageTime({ ...message, timeText: 'yesterday' }, PHNOM_PENH, NOW)).toEqual({ at: NOW, source: 'logged' });
  });
});
