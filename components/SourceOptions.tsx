import type { Source } from '@/lib/model';
import { sourceLabel } from './format';
import { t } from './i18n';

/** A contact's possible sources as the options of a select, after an empty choice for "no source". */
export function SourceOptions({ sources }: { sources: Source[] }) {
  return (
    <>
      <option value="">{t('field_empty')}</option>
      {sources.map((source) => (
        <option key={source.id} value={source.id}>
          {sourceLabel(source)}
        </option>
      ))}
    </>
  );
}
