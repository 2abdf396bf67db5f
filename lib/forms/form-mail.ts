import { normaliseEmail } from '../model/email';
import type { SnapshotMessage } from '../model/snapshot';

/** The lead a form notification carries, as its body's "Label: value" lines say it. */
export interface FormMailLead {
  name: string;
  email: string;
  phone: string;
  company: string;
  message: string;
}

/** Labels form services and site mailers use, in English and Khmer, for each field a lead has. */
const LABELS: Record<keyof FormMailLead, RegExp> = {
  name: /^(?:(?:full |your |contact )?name|ឈ្មោះ(?:ពេញ)?)$/i,
  email: /^(?:(?:your )?e-?mail(?: address)?|អ៊ីមែល)$/i,
  phone: /^(?:(?:your )?(?:phone|telephone|mobile|tel)(?: number)?|ទូរស័ព្ទ|លេខទូរស័ព្ទ)$/i,
  company: /^(?:company|organi[sz]ation|business|ក្រុមហ៊ុន|អាជីវកម្ម)$/i,
  message: /^(?:message|comments?|enquiry|inquiry|សារ|សំណួរ)$/i,
};
const LINE = /^\s*\**([^:：៖*]{1,40}?)\**\s*[:：៖]\s*(.*)$/;
const EMAIL = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}/;

/** Reads "Name: …", "Email: …" lines; a message may run on over the lines after its label. */
export function readFormMail(body: string): FormMailLead | null {
  const lead: FormMailLead = { name: '', email: '', phone: '', company: '', message: '' };
  let open: keyof FormMailLead | null = null;
  for (const line of body.split(/\r?\n/)) {
    const match = LINE.exec(line);
    const field = match
      ? (Object.keys(LABELS) as (keyof FormMailLead)[]).find((k) => LABELS[k].test(match[1]!.trim()))
      : undefined;
    if (match && field) {
      if (!lead[field]) lead[field] = match[2]!.trim();
      open = field === 'message' ? field : null;
    } else if (match || !line.trim()) {
      // Another label, or the blank line that ends the message's paragraph.
      open = null;
    } else if (open === 'message') {
      lead.message = `${lead.message}\n${line.trim()}`.trim();
    }
  }
  lead.email = EMAIL.exec(lead.email)?.[0] ?? '';
  return lead.email ? lead : null;
}

/**
 * The lead of the latest message in a thread sent by one of the business's form senders (Settings), from the body
 * lines the snapshot already carries (`tail`: a notification is short). Null when there is none.
 */
export function formMailLead(messages: readonly SnapshotMessage[], senders: readonly string[]): FormMailLead | null {
  if (senders.length === 0) return null;
  const known = new Set(senders.map(normaliseEmail));
  const last = messages.filter((m) => m.from && m.tail && known.has(normaliseEmail(m.from.email))).at(-1);
  return last ? readFormMail(last.tail) : null;
}
