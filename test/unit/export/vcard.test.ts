import { describe, expect, it } from 'vitest';
import { newContact } from '../../../lib/db/contacts';
import { escapeText, foldLine } from '../../../lib/export/content-lines';
import { contactsToVCard, splitName } from '../../../lib/export/vcard';
import type { Company } from '../../../lib/model/company';
import type { Contact } from '../../../lib/model/contact';

const T0 = Date.UTC(2025, 2, 4, 3, 30, 5);
const company: Company = {
  id: 'f0000000-0000-4000-8000-000000000001',
  createdAt: T0,
  updatedAt: T0,
  deletedAt: null,
  name: 'Angkor; Trading, Co.',
  domains: [],
  phone: '',
  address: '',
  ownerId: null,
  custom: {},
};

function contact(overrides: Partial<Contact>): Contact {
  return { ...newContact({ name: 'John Smith' }, T0, 'f0000000-0000-4000-8000-000000000010'), ...overrides };
}

const companies = new Map([[company.id, company]]);
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('contactsToVCard', () => {
  it('writes a vCard 4.0 with FN, N, EMAIL, TEL, TITLE and ORG, CRLF-terminated', () => {
    const card = contactsToVCard(
      [
        contact({
          emails: [{ address: 'john@angkor.com', label: 'work' }, { address: 'john@gmail.com' }],
          phones: [{ number: '+855 12 345 678', label: 'Mobile' }],
          jobTitle: 'Sales, Asia',
          companyId: company.id,
        }),
      ],
      companies,
    );
    expect(card).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:f0000000-0000-4000-8000-000000000010',
        'FN:John Smith',
        'N:Smith;John;;;',
        'EMAIL;TYPE=work:john@angkor.com',
        'EMAIL:john@gmail.com',
        'TEL;TYPE=cell:+855 12 345 678',
        'TITLE:Sales\\, Asia',
        'ORG:Angkor\\; Trading\\, Co.',
        'REV:20250304T033005Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps Khmer intact and puts the Khmer family name first in N', () => {
    const card = contactsToVCard([contact({ name: 'សុខ ដារ៉ា', jobTitle: 'អ្នកគ្រប់គ្រង' })], companies);
    expect(card).toContain('\r\nFN:សុខ ដារ៉ា\r\n');
    expect(card).toContain('\r\nN:សុខ;ដារ៉ា;;;\r\n');
    expect(card).toContain('\r\nTITLE:អ្នកគ្រប់គ្រង\r\n');
  });

  it('folds long lines at 75 octets without cutting a UTF-8 character, and unfolds to the original', () => {
    const title = 'អ្នកគ្រប់គ្រងផ្នែកលក់ និងទីផ្សារ សម្រាប់តំបន់ភ្នំពេញ និងខេត្តសៀមរាប ព្រមទាំងខេត្តបាត់ដំបង';
    const card = contactsToVCard([contact({ jobTitle: title })], companies);
    const lines = card.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    // Each physical line is valid UTF-8 on its own: nothing became U+FFFD.
    for (const line of lines) expect(line).not.toContain('\ufffd');
    expect(card.replace(/\r\n /g, '')).toContain(`\r\nTITLE:${title}\r\n`);
  });

  it('escapes backslashes, commas, semicolons and line breaks', () => {
    expect(escapeText('a\\b,c;d\r\ne\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
    const card = contactsToVCard([contact({ name: 'Smith; John\nJr' })], companies);
    expect(card).toContain('\r\nFN:Smith\\; John\\nJr\r\n');
  });

  it('writes one card per contact', () => {
    const card = contactsToVCard([contact({}), contact({ name: 'Anna' })], companies);
    expect(card.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(card).toContain('\r\nN:;Anna;;;\r\n');
  });
});

describe('foldLine', () => {
  it('leaves short lines alone and folds ASCII at exactly 75 then 74+1 octets', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    const folded = foldLine('x'.repeat(200)).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 75, 52]);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('never splits a multi-byte character', () => {
    // 'X' then 3-byte Khmer letters: a 75-octet cut would fall inside the 25th letter, so the fold comes before it.
    const line = `X${'ក'.repeat(60)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.map(octets)).toEqual([73, 73, 37]);
    expect(
      parts[0] +
        parts
          .slice(1)
          .map((part) => part.slice(1))
          .join(''),
    ).toBe(line);
  });
});

describe('splitName', () => {
  it('guesses family and given names', () => {
    expect(splitName('John Ronald Smith')).toEqual({ family: 'Smith', given: 'John Ronald' });
    expect(splitName('ចាន់ សុភា')).toEqual({ family: 'ចាន់', given: 'សុភា' });
    expect(splitName('Madonna')).toEqual({ family: '', given: 'Madonna' });
  });
});
