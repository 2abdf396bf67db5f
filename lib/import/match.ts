import { companyNameKey } from '../db/companies';

/**
 * How an imported contact row without an email address finds the contact it describes: by name together with its
 * company or with one of its phones, compared in a normalised form, since the name alone is too often shared.
 */

/** A stored contact as the name match sees it. */
export interface NamedContact {
  id: string;
  /** companyNameKey of its company's name; '' without one. */
  companyKey: string;
  phoneKeys: readonly string[];
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Names compare ignoring case and runs of spaces, in Unicode NFKC: NFC's canonical composition (one Khmer or accented
 * name typed two ways is one name) plus compatibility forms. The zero-width spaces Khmer text is full of count as
 * spaces, as the search index reads them, so the index finds every contact of an equal name.
 */
export function personKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A phone as digits only, Khmer digits read as ASCII, Cambodia's country code written or not: "+855 12 345 678",
 * "(012) 345-678" and "០១២ ៣៤៥ ៦៧៨" are one number.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).replace(/\D/g, '');
  const international = digits.startsWith('00') ? digits.slice(2) : digits;
  return international.startsWith('855') ? `0${international.slice(3)}` : international;
}

/** What a contact row is matched on when it has no email address. */
export interface PersonKeys {
  name: string;
  /** "name|company:…" and "name|phone:…": either one found makes the row a duplicate. */
  keys: { key: string; label: string; matches(contact: NamedContact): boolean }[];
}

export function personKeys(draft: {
  name: string;
  companyName: string | null;
  phones: readonly { number: string }[];
}): PersonKeys {
  const name = personKey(draft.name);
  const keys: PersonKeys['keys'] = [];
  const company = draft.companyName ? companyNameKey(draft.companyName) : '';
  if (company) {
    keys.push({
      key: `person:${name}|company:${company}`,
      label: `name ${draft.name} and company ${draft.companyName}`,
      matches: (contact) => contact.companyKey === company,
    });
  }
  for (const phone of draft.phones) {
    const digits = phoneKey(phone.number);
    if (!digits) continue;
    keys.push({
      key: `person:${name}|phone:${digits}`,
      label: `name ${draft.name} and phone ${phone.number}`,
      matches: (contact) => contact.phoneKeys.includes(digits),
    });
  }
  return { name, keys };
}
