import type { Company } from '../model/company';
import type { Contact } from '../model/contact';
import { escapeText, foldLine } from './content-lines';

/**
 * vCard 4.0 (RFC 6350) for address books: phones and Gmail/Outlook contacts import it. One card per contact, CRLF
 * line ends, UTF-8 (4.0 has no other charset, so Khmer needs no encoding).
 */
export function contactsToVCard(contacts: readonly Contact[], companiesById: ReadonlyMap<string, Company>): string {
  return contacts.map((contact) => contactCard(contact, companiesById)).join('');
}

function contactCard(contact: Contact, companiesById: ReadonlyMap<string, Company>): string {
  const { family, given } = splitName(contact.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${contact.id}`,
    `FN:${escapeText(contact.name)}`,
    `N:${[family, given, '', '', ''].map(escapeText).join(';')}`,
  ];
  for (const email of contact.emails) lines.push(`EMAIL${typeParam(email.label)}:${escapeText(email.address)}`);
  for (const phone of contact.phones) lines.push(`TEL${typeParam(phone.label)}:${escapeText(phone.number)}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  const company = contact.companyId ? companiesById.get(contact.companyId) : undefined;
  // ORG is a list of units (company;department): a ";" in the company's own name is escaped, not a separator.
  if (company) lines.push(`ORG:${escapeText(company.name)}`);
  lines.push(`REV:${revision(contact.updatedAt)}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * N's components are a guess from FN: Khmer names are written family name first (សុខ ដារ៉ា → family សុខ), other
 * names given name first (John Smith → family Smith). One word is taken as the given name.
 */
export function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { family: '', given: words[0] ?? '' };
  if (/[\u1780-\u17ff]/.test(words[0] ?? '')) return { family: words[0] ?? '', given: words.slice(1).join(' ') };
  return { family: words.at(-1) ?? '', given: words.slice(0, -1).join(' ') };
}

const LABEL_TYPES: Record<string, string> = {
  work: 'work',
  office: 'work',
  home: 'home',
  personal: 'home',
  mobile: 'cell',
  cell: 'cell',
  fax: 'fax',
};

function typeParam(label: string | undefined): string {
  const type = label ? LABEL_TYPES[label.trim().toLowerCase()] : undefined;
  return type ? `;TYPE=${type}` : '';
}

function revision(epoch: number): string {
  return new Date(epoch)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
