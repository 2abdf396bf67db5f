import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../../i18n';

export interface PickerOption {
  id: string;
  label: string;
}

/** Finds a record by typing (through the search index, never a list of every record) and picks it. */
export function RecordPicker({
  label,
  search,
  onPick,
}: {
  label: string;
  search(query: string): Promise<PickerOption[]>;
  onPick(option: PickerOption): void;
}) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PickerOption[]>([]);
  const listId = useId();
  useEffect(() => {
    if (!query.trim()) return setOptions([]);
    let current = true;
    const timer = setTimeout(() => {
      void search(query).then((found) => current && setOptions(found));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <div class="picker">
      <label>
        {label}
        <input type="search" value={query} aria-controls={listId} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <ul class="plain" id={listId} aria-label={t('popup_results')}>
        {options.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              class="link"
              onClick={() => {
                onPick(o);
                setQuery('');
              }}
            >
              {o.label}
            </button>
          </li>
        ))}
        {query.trim() && options.length === 0 ? <li class="muted">{t('search_none')}</li> : null}
      </ul>
    </div>
  );
}
