import { beforeEach, describe, expect, it } from 'vitest';
import { createContact, updateContact } from '@/lib/db/contacts';
import { openCrmDb } from '@/lib/db/open';
import type { CrmDb } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { type Refusal, refusalText } from '@/lib/i18n/refusal';
import { type RpcError, rpcRequest } from '@/lib/rpc/wire';
import { createRouter, type Handlers } from '@/lib/worker/router';

const NOW = Date.UTC(2026, 10, 23, 3, 0);
const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}dashboard.html`, tab: { id: 4 } };
const MISSING = '0b9e1b7e-4c1e-4a53-9d7f-2f5b8f7d1a01';
const EN: Locale = { language: 'en', khmerDigits: false };
const KM: Locale = { language: 'km', khmerDigits: true };

let db: CrmDb;
let n = 0;
beforeEach(async () => {
  db = await openCrmDb(`refusals-${n++}`, () => NOW);
});

/** A refusal as the worker's router answers it: its contract parses the input, its handler writes to a real store. */
async function refused(method: string, input: unknown, handlers: Partial<Handlers> = {}): Promise<RpcError> {
  const route = createRouter(handlers as Handlers, {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    webmailOrigins: ['https://mail.google.com/'],
  });
  const answer = await route(rpcRequest(method, input), page);
  if (answer.ok) throw new Error(`${method} was not refused`);
  return answer.error;
}

const update = { 'contact.update': async ({ id, patch }) => updateContact(db, id, patch, NOW) } as Partial<Handlers>;
const create = { 'contact.create': async (draft) => createContact(db, draft, NOW) } as Partial<Handlers>;

/** Real refusals, each with what a rep reads in English and in Khmer. */
const REFUSALS: [string, () => Promise<Refusal>, string, string][] = [
  [
    'a phone number with letters',
    () => refused('contact.update', { id: MISSING, patch: { phones: [{ number: '012 abc 678' }] } }),
    'This phone number has characters a phone number cannot have.',
    'លេខទូរស័ព្ទនេះមានតួអក្សរដែលលេខទូរស័ព្ទមិនអាចមាន។',
  ],
  [
    'an email address that is not one',
    () => refused('contact.update', { id: MISSING, patch: { emails: [{ address: 'sokha at example' }] } }),
    'This is not an email address.',
    'នេះមិនមែនជាអាសយដ្ឋានអ៊ីមែលទេ។',
  ],
  [
    'a name too long',
    () => refused('contact.update', { id: MISSING, patch: { name: 'ស'.repeat(201) } }),
    'Name can be at most 200 characters long.',
    'ឈ្មោះ អាចមានយ៉ាងច្រើន ២០០ តួអក្សរ។',
  ],
  [
    'an empty name',
    () => refused('contact.update', { id: MISSING, patch: { name: '   ' } }),
    'Name is required.',
    'ឈ្មោះ ត្រូវតែបំពេញ។',
  ],
  [
    'a time zone the browser does not know',
    () => refused('settings.update', { timeZone: 'Mars/Olympus_Mons' }),
    'The browser does not know this time zone.',
    'កម្មវិធីរុករកមិនស្គាល់តំបន់ម៉ោងនេះទេ។',
  ],
  [
    'a working day that starts at no time',
    () => refused('settings.update', { workingHours: { start: '25:00', end: '17:00', days: [1] } }),
    'Working day starts must be a time such as 08:30.',
    'ម៉ោងចូលធ្វើការ ត្រូវតែជាម៉ោង ដូចជា 08:30។',
  ],
  [
    'a contact that is gone',
    () => refused('contact.update', { id: MISSING, patch: { jobTitle: 'Manager' } }, update),
    'It no longer exists.',
    'វាលែងមានទៀតហើយ។',
  ],
  [
    'an address another contact has',
    async () => {
      await createContact(db, { name: 'Sokha Chan', emails: [{ address: 'sokha@angkortrade.com.kh' }] }, NOW);
      return refused('contact.create', { name: 'Dara', emails: [{ address: 'SOKHA@angkortrade.com.kh' }] }, create);
    },
    'sokha@angkortrade.com.kh already belongs to Sokha Chan.',
    'sokha@angkortrade.com.kh ជារបស់ Sokha Chan រួចហើយ។',
  ],
  [
    'a full disk',
    () =>
      refused(
        'contact.update',
        { id: MISSING, patch: {} },
        {
          'contact.update': async () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
        },
      ),
    'The browser has no room left for Sidecar data; nothing was saved. Free some disk space and try again.',
    'កម្មវិធីរុករកអស់ទំហំផ្ទុកទិន្នន័យ Sidecar ហើយ មិនបានរក្សាទុកអ្វីទេ។ សូមសម្អាតទំហំថាសខ្លះ ហើយព្យាយាមម្តងទៀត។',
  ],
  [
    'a worker that does not answer',
    // What lib/worker/client.ts makes of a sendMessage that finds no worker.
    async () => ({ code: 'unavailable', message: 'Could not establish connection. Receiving end does not exist.' }),
    'Sidecar is not answering; try again.',
    'Sidecar មិនឆ្លើយតបទេ សូមព្យាយាមម្តងទៀត។',
  ],
];

describe('refusals in words a rep reads', () => {
  it.each(REFUSALS)('%s', async (_, make, english, khmer) => {
    const refusal = await make();
    expect(refusalText(refusal, EN)).toBe(english);
    expect(refusalText(refusal, KM)).toBe(khmer);
    for (const text of [refusalText(refusal, EN), refusalText(refusal, KM)]) {
      expect(text).not.toMatch(/patch\.|\.\d+\.|\b(phones|emails|workingHours|timeZone)\b|UUID|Invalid input/);
    }
  });

  it('keeps the machine-readable code and field path for code and tests', async () => {
    const error = await refused('contact.update', { id: MISSING, patch: { phones: [{ number: '012 abc 678' }] } });
    expect(error).toMatchObject({
      code: 'invalid-request',
      field: 'patch.phones.0.number',
      details: { reason: 'format' },
    });
    const gone = await refused('contact.update', { id: MISSING, patch: {} }, update);
    expect(gone).toMatchObject({ code: 'not-found' });
  });

  it('words a store refusal written for a rep as it is in English, and by its kind in Khmer', () => {
    const own = { code: 'invalid', message: 'This is your own address.', field: 'email' };
    expect(refusalText(own, EN)).toBe('This is your own address.');
    expect(refusalText(own, KM)).toBe('សូមពិនិត្យ អ៊ីមែល។');
    const undone = { code: 'conflict', message: 'This merge has already been undone.' };
    expect(refusalText(undone, KM)).toBe('វាប៉ះទង្គិចនឹងអ្វីដែលបានរក្សាទុករួចហើយ មិនបានផ្លាស់ប្ដូរអ្វីទេ។');
  });
});
