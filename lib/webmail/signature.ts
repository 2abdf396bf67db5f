/**
 * Reads a job title and a phone number from the signature at the end of a message body. Pure and conservative: a
 * wrong job title on a Contact is worse than none, so without a signature anchor ("--" or the person's name near the
 * end) only a labelled phone is taken.
 */

export interface SignatureFields {
  jobTitle: string | null;
  phone: string | null;
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

  let jobTitle: string | null = null;
  if (start >= 0) {
    const candidates = block
      .filter((line) => line && !matchesName(line, usableName) && !NOT_TITLE.test(line) && !PHONE_LABEL.test(line))
      .filter((line) => !findPhone(line) && line.length <= 100)
      // "Sales Manager | Angkor Trade" and "Sales Manager, Angkor Trade Co., Ltd.": the title is the first part.
      .map((line) => line.split(/\s+[|·–—]\s+|\s+-\s+/)[0]!.trim())
      .filter((part) => part && !COMPANY.test(part.split(',')[0]!));
    const titled = candidates.find((c) => TITLE_WORDS.test(c)) ?? candidates[0];
    if (titled) {
      const first = titled.split(/,\s*/);
      jobTitle = (first.length > 1 && COMPANY.test(first.slice(1).join(',')) ? first[0]! : titled).slice(0, 100);
    }
  }
  return { jobTitle, phone };
}
