/**
 * Text values and line folding shared by vCard (RFC 6350) and iCalendar (RFC 5545), whose "content lines" follow
 * the same rules.
 */

/**
 * RFC 6350 §3.4, RFC 5545 §3.3.11: backslash, comma and semicolon are escaped in text values, and a newline becomes
 * "\n".
 */
export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 6350 §3.2, RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space. Folds fall between code points, so
 * no UTF-8 sequence is cut; Khmer's three-byte letters make this matter on every long Khmer line.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuation lines 74, after their leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
