import type { ThreadKind } from '@/lib/model';
import { durationText } from '@/lib/reports/report';
import { locale, t } from './i18n';

/** A kind as the rep reads it: a built-in one in their language until the business renames it. */
export function kindLabel(kind: Pick<ThreadKind, 'builtIn' | 'name'> | null | undefined): string {
  if (!kind) return t('service_no_kind');
  if (kind.name !== '' || kind.builtIn === null) return kind.name;
  return t(`service_kind_${kind.builtIn}`);
}

/** "2 h 5 min", "3 d 4 h" in the rep's digits. */
export const durationWords = (ms: number): string => durationText(ms, t, locale());
