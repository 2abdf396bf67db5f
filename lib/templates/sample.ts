import type { Rep, Template } from '../model';
import type { TemplateContext } from './render';

const WEEK_MS = 7 * 86_400_000;

/**
 * The customer a template is previewed for while the rep writes it, in the template's language: a Khmer template is
 * read with a Khmer name and riel, an English one with dollars. The deal closes a week from `now`.
 */
export function sampleContext(
  language: Template['language'],
  rep: Pick<Rep, 'name'> | null,
  now: number,
  settings: TemplateContext['settings'],
): TemplateContext {
  const km = language === 'km';
  return {
    contact: { name: km ? 'សុខ ដារា' : 'Dara Sok' },
    company: { name: km ? 'ក្រុមហ៊ុន លាភ ត្រេឌីង' : 'Lucky Trading' },
    deal: {
      title: km ? 'ម៉ាស៊ីនបូមទឹកថាមពលព្រះអាទិត្យ' : 'Solar water pumps',
      value: km ? { amount: 4_100_000, currency: 'KHR' } : { amount: 125_000, currency: 'USD' },
      expectedCloseAt: now + WEEK_MS,
    },
    rep,
    now,
    settings,
  };
}
