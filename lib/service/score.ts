/**
 * A customer's score from the reply to a survey: "4", "៤", "4/5", "★★★★" or "⭐⭐⭐⭐". Only a reply that holds a
 * score and nothing more counts (a greeting or "thanks" around it is fine), so "I called 3 times" is never read as a
 * score of 3. Null when there is none.
 */
const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';
const FILLER = /\b(thanks?|thank you|ok(ay)?|score|rating|my|is|it|out of|points?)\b|អរគុណ|ពិន្ទុ|បាទ|ចាស|ខ្ញុំ|ឲ្យ|ផ្តល់|ផ្ដល់/giu;

export function scoreFromReply(text: string): number | null {
  const line = text
    .replace(/[០-៩]/g, (digit) => String(KHMER_DIGITS.indexOf(digit)))
    // Quoted history and signatures come after the answer: only the first non-empty line is the answer.
    .split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part !== '');
  if (!line || line.length > 40) return null;
  const stars = [...line.matchAll(/[★⭐]/gu)].length;
  const rest = line
    .replace(FILLER, '')
    .replace(/\uFE0F/gu, '')
    .replace(/[\s.,!:;()\-–—☆★⭐]/gu, '');
  if (stars > 0) return stars <= 5 && rest === '' ? stars : null;
  const match = /^([1-5])(\/5)?$/.exec(rest);
  return match ? Number(match[1]) : null;
}
