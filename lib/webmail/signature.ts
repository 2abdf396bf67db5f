import { normaliseEmail } from '../model/email';
import type { SnapshotMessage } from '../model/snapshot';

/**
 * Reads a job title, a phone number and a company name from the signature at the end of a message body. Pure and
 * conservative: a wrong job title or company on a Contact is worse than none, so without a signature anchor ("--" or
 * the person's name near the end) only a labelled phone is taken.
 */

export interface SignatureFields {
  jobTitle: string | null;
  phone: string | null;
  company: string | null;
}

/** How far from the end a signature may start: signatures are a handful of lines. */
const NEAR_END = 10;
const KHMER_DIGITS = /[០-៩]/g;
const PHONE_LABEL =
  /^(?:tel(?:ephone)?|phone|ph|mobile|mob|cell|hp|hand ?phone|whatsapp|telegram|office|direct|hotline|[tmp]|ទូរស័ព្ទ(?:ដៃ)?|ទូរសព្ទ(?:ដៃ)?|លេខទូរស័ព្ទ|ទ\.?ស\.?)(?:\s*[.:：៖]\s*|\s+(?=[+(\d០-៩]))/i;
const PHONE = /(?:\+|00)?\(?\d[\d\s().\-/]{6,20}\d/;
const NOT_TITLE =
  /@|https?:|www\.|^(?:e-?mail|fax|web(?:site)?|address|addr|skype|line|viber|អ៊ីមែល|អាសយដ្ឋាន|គេហទំព័រ)\b|^(?:best|kind|warm)?\s*(?:regards|thanks|thank you|cheers|sincerely|yours|sent from)\b|^(?:អរគុណ|សូមអរគុណ|ដោយក្តីគោរព|ដោយក្ដីគោរព|ជាមួយការគោរព)/i;
const COMPANY =
  /\b(?:co\.?,?\s*ltd|ltd\.?|llc|inc\.?|plc|corp(?:oration)?\.?|company|group|gmbh|pte)\b|ក្រុមហ៊ុន|សហគ្រាស|ហាង/i;
/** A company named by its legal form at the end ("Lucky Retail Co., Ltd.") or, in Khmer, by its kind first. */
const LEGAL_FORM_END = /\b(?:co\.?,?\s*ltd|ltd|llc|inc|plc|corp(?:oration)?|group|gmbh|pte|limited|company)\.?$/i;
const KHMER_COMPANY_START = /^(?:ក្រុមហ៊ុន|ហាង|សហគ្រាស)/;
const TITLE_WORDS =
  /\b(?:manager|director|officer|ceo|cfo|coo|cto|founder|owner|head|lead|executive|engineer|coordinator|assistant|supervisor|sales|accountant|consultant|representative|president|partner|specialist|analyst|admin(?:istrator)?|agent|buyer|purchas\w*|procurement|marketing|logistics)\b|ប្រធាន|នាយក|អ្នកគ្រប់គ្រង|ផ្នែក|មន្ត្រី|បុគ្គលិក|គណនេយ្យករ|អ្នកលក់|ម្ចាស់|ស្ថាបនិក/i;

const squash = (s: string) => s.replace(/[\s\u200b-\u200d\ufeff]+/g, ' ').trim();
const asciiDigits = (s: string) => s.replace(KHMER_DIGITS, (d) => String(d.charCodeAt(0) - 0x17e0));

/** The sender's own lines: quoted history ("On … wrote:", "> …", a forwarded header) is cut off. */
function ownLines(tail: string): string[] {
  const lines = tail.split(/\r?\n/).map(squash);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^On\b.*\bwrote:$/i.test(line) || (/^On\b/.test(line) && /wrote:$/i.test(next) && !/^On\b/.test(next))) break;
    if (/^-{2,}\s*(?:Original Message|Forwarded message)/i.test(line) || /^(?:From|ពី)\s*[:៖].+@/.test(line)) break;
    if (/^នៅ.+បានសរសេរ[:៖]?$/.test(line)) break;
    if (line.startsWith('>')) continue;
    out.push(line);
  }
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

function findPhone(line: string): string | null {
  const m = PHONE.exec(asciiDigits(line));
  if (!m) return null;
  const phone = m[0].trim();
  const digits = phone.replace(/\D/g, '').length;
  // 8–15 digits (E.164's limit); a date like 2024-01-16 has 8 digits but its shape gives it away.
  if (digits < 8 || digits > 15 || /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(phone)) return null;
  return phone;
}

function matchesName(line: string, name: string): boolean {
  if (!name) return false;
  const l = line.toLowerCase().replace(/[,.]$/, '');
  // "Dara Kim", "— Dara Kim", "Regards, Dara Kim": the name, maybe after a sign-off on the same line.
  return l === name || (l.endsWith(name) && l.length <= name.length + 24);
}

export function readSignature(tail: string, personName: string): SignatureFields {
  const lines = ownLines(tail);
  const name = squash(personName).toLowerCase();
  const usableName = name.includes('@') ? '' : name;
  const from = Math.max(0, lines.length - NEAR_END - 4);
  let start = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    if (/^(?:--|—|__+)\s*$/.test(lines[i]!)) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) {
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - NEAR_END); i--) {
      if (matchesName(lines[i]!, usableName)) {
        start = i;
        break;
      }
    }
  }
  const block = start < 0 ? lines.slice(-4) : lines.slice(start, start + NEAR_END);

  const labelledPhones = block.map((line) => {
    const label = PHONE_LABEL.exec(line);
    return label ? findPhone(line.slice(label[0].length)) : null;
  });
  // An unlabelled number counts only inside a signature, and only on a line that is not prose.
  const barePhones = start < 0 ? [] : block.map((line) => (/[A-Za-z]{4}/.test(line) ? null : findPhone(line)));
  const phone = labelledPhones.find(Boolean) ?? barePhones.find(Boolean) ?? null;

  if (start < 0) return { jobTitle: null, phone, company: null };
  const rows = block.map(
    (line): SignatureLine => ({
      line,
      // "Sales Manager | Angkor Trade" and "Sales Manager - Angkor Trade": a title and a company side by side.
      parts: line.split(/\s+[|·–—]\s+|\s+-\s+/).map((part) => part.trim()),
      usable:
        line !== '' &&
        !matchesName(line, usableName) &&
        !NOT_TITLE.test(line) &&
        !PHONE_LABEL.test(line) &&
        !findPhone(line) &&
        line.length <= 100,
    }),
  );

  let jobTitle: string | null = null;
  let titleLine = -1;
  const candidates = rows.flatMap(({ parts, usable }, index) => {
    const first = parts[0];
    return usable && first && !COMPANY.test(first.split(',')[0]!) ? [{ text: first, index }] : [];
  });
  const titled = candidates.find((c) => TITLE_WORDS.test(c.text)) ?? candidates[0];
  if (titled) {
    // "Sales Manager, Angkor Trade Co., Ltd.": the title is the part before the company.
    const first = titled.text.split(/,\s*/);
    jobTitle = (first.length > 1 && COMPANY.test(first.slice(1).join(',')) ? first[0]! : titled.text).slice(0, 100);
    if (TITLE_WORDS.test(titled.text)) titleLine = titled.index;
  }
  return { jobTitle, phone, company: findCompany(rows, titleLine) };
}

interface SignatureLine {
  line: string;
  parts: string[];
  /** Not the name, a phone, an address or a sign-off: a line that may hold a title or a company. */
  usable: boolean;
}

/** A part of a signature line that names a company, without a job title before it. */
function companyIn(part: string): string | null {
  if (KHMER_COMPANY_START.test(part)) return part;
  if (!LEGAL_FORM_END.test(part)) return null;
  // "Purchasing Manager, Lucky Retail Co., Ltd.": the company is what follows the title.
  const comma = part.indexOf(', ');
  const before = comma < 0 ? '' : part.slice(0, comma);
  return before && TITLE_WORDS.test(before) && !LEGAL_FORM_END.test(before) ? part.slice(comma + 2) : part;
}

/**
 * The company a signature names: a line (or part of one) with a legal form or a Khmer "company"/"shop" word;
 * failing that, the line right after a job title, when it reads like a name rather than a title or a sentence.
 */
function findCompany(rows: readonly SignatureLine[], titleLine: number): string | null {
  for (const { parts, usable } of rows) {
    if (!usable) continue;
    for (const part of parts) {
      const company = companyIn(part);
      if (company) return company;
    }
  }
  const next = rows[titleLine + 1];
  if (titleLine < 0 || !next?.usable || next.parts.length > 1) return null;
  const words = next.line.split(' ').length;
  return words <= 8 && !TITLE_WORDS.test(next.line) && !/[.!?។]$/.test(next.line) ? next.line : null;
}

/** The signature of the latest message in the thread sent from one of these addresses, when one carries a body. */
export function senderSignature(
  messages: readonly SnapshotMessage[],
  addresses: readonly string[],
): SignatureFields | null {
  const senders = new Set(addresses.map(normaliseEmail));
  const last = messages.filter((m) => m.from && m.tail && senders.has(normaliseEmail(m.from.email))).at(-1);
  return last?.from ? readSignature(last.tail, last.from.name) : null;
}

/**
 * What a signature may add to a known contact: only the fields the contact has empty (no job title, no phone, no
 * company), never a second value for one it has. Null when there is nothing to add.
 */
export function signatureOffer(
  signature: SignatureFields | null,
  contact: { jobTitle: string; phones: readonly unknown[]; companyId: string | null },
): SignatureFields | null {
  if (!signature) return null;
  const offer = {
    jobTitle: contact.jobTitle.trim() === '' ? signature.jobTitle : null,
    phone: contact.phones.length === 0 ? signature.phone : null,
    company: contact.companyId === null ? signature.company : null,
  };
  return offer.jobTitle || offer.phone || offer.company ? offer : null;
}
