import { describe, expect, it } from 'vitest';
import { createContact } from '@/lib/db/contacts';
import type { ImportDraft } from '@/lib/import/draft';
import { existingRecordsFor } from '@/lib/import/lookup';
import { freshDb, NOW } from './helpers';

const draftFor = (...addresses: string[]) =>
  ({
    entity: 'contact',
    id: null,
    name: addresses[0] ?? 'Nobody',
    emails: addresses.map((address) => ({ address })),
  }) as unknown as ImportDraft;

/** A store of `count` contacts; the first also has a second address. */
async function storeWith(count: number) {
  const db = await freshDb();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const emails = [{ address: `person${i}@example.com` }];
    if (i === 0) emails.push({ address: 'second.address@example.com' });
    ids.push((await createContact(db, { name: `Person ${i}`, emails }, NOW)).id);
  }
  return { db, ids };
}

describe('existingRecordsFor, contact addresses', () => {
  const file = [
    draftFor('Person1@Example.com'),
    draftFor('second.address@example.com'),
    draftFor('new.one@example.com'),
    draftFor('person2@example.com', 'new.two@example.com'),
  ];

  async function answers(count: number) {
    const { db, ids } = await storeWith(count);
    const existing = await existingRecordsFor(db, file);
    const got = ['person1@example.com', 'second.address@example.com', 'new.one@example.com', 'person2@example.com'];
    return { found: got.map((email) => existing.contactIdByEmail(email)), ids };
  }

  it('walks the address index when the store holds few addresses per address in the file', async () => {
    // 8 stored contacts, 9 stored addresses, 5 addresses in the file: the index is walked.
    const { found, ids } = await answers(8);
    expect(found).toEqual([ids[1], ids[0], undefined, ids[2]]);
  });

  it('looks each address up when the store is much larger than the file, with the same answers', async () => {
    // 40 stored contacts against 5 addresses: one request per address.
    const { found, ids } = await answers(40);
    expect(found).toEqual([ids[1], ids[0], undefined, ids[2]]);
  });

  it('finds nothing in an empty store, and reads nothing for a file without addresses', async () => {
    const { db } = await storeWith(0);
    const existing = await existingRecordsFor(db, file);
    expect(existing.contactIdByEmail('person1@example.com')).toBeUndefined();
    const { db: full } = await storeWith(3);
    const none = await existingRecordsFor(full, [draftFor()]);
    expect(none.contactIdByEmail('person1@example.com')).toBeUndefined();
  });
});
