import type { MappingTarget } from '@/lib/import/mapping';
import { t } from '../../i18n';
import type { ImportWizard } from './import-model';
import { targetLabel } from './labels';

/** Each column of the file, its first value, and where it goes. */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const file = wizard.parsed.value;
  if (!file) return null;
  const defs = wizard.defs.value;
  const targets = wizard.targets.value;
  const sampleOf = (index: number) => file.rows.find((row) => (row[index] ?? '').trim() !== '')?.[index] ?? '';
  const remembered = wizard.remembered.value?.entity === wizard.entity.value;
  return (
    <section aria-labelledby="imp-mapping-title">
      <h3 id="imp-mapping-title">{t('imp_mapping')}</h3>
      <p class="muted">{t('imp_mapping_hint')}</p>
      {remembered && <p class="notice">{t('imp_mapping_remembered')}</p>}
      <div class="table-wrap">
        <table class="imp-table">
          <thead>
            <tr>
              <th scope="col">{t('imp_column')}</th>
              <th scope="col">{t('imp_sample')}</th>
              <th scope="col">{t('imp_column_goes_to')}</th>
            </tr>
          </thead>
          <tbody>
            {file.headers.map((header, index) => (
              <tr key={header}>
                <th scope="row">{header}</th>
                <td class="imp-sample">{sampleOf(index)}</td>
                <td>
                  <select
                    aria-label={t('imp_map_label', { column: header })}
                    value={wizard.mapping.value[header] ?? 'skip'}
                    onChange={(e) => wizard.setTarget(header, e.currentTarget.value as MappingTarget)}
                  >
                    {targets.map((target) => (
                      <option key={target} value={target}>
                        {targetLabel(target, defs)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {wizard.missing.value.map((anyOf) => (
        <p key={anyOf.join()} class="error" role="alert">
          {t('imp_missing', { fields: anyOf.map((target) => targetLabel(target, defs)).join(' / ') })}
        </p>
      ))}
    </section>
  );
}
