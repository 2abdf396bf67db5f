import { hashFor } from '@/lib/dashboard/links';
import type { RowOf, TableEntity } from '@/lib/db/views';
import type { Company, Contact, Deal, Pipeline, Rep } from '@/lib/model';
import { lifecycleLabel, money, stageName } from '../../format';
import { formatDateTime, t } from '../../i18n';

/** One row of a records table; names link to the record page. */
export function RecordRow({
  entity,
  row,
  companyName,
  reps,
  pipelines,
  timeZone,
  selected,
  onSelect,
}: {
  entity: TableEntity;
  row: RowOf<TableEntity>;
  companyName: string;
  reps: Rep[];
  pipelines: Pipeline[];
  timeZone: string;
  selected: boolean;
  onSelect(on: boolean): void;
}) {
  const owner = reps.find((r) => r.id === row.ownerId)?.name ?? '';
  const day = (epoch: number | null) => (epoch === null ? '' : formatDateTime(epoch, timeZone, 'date'));
  let label: string;
  let cells: preact.ComponentChildren[];
  if (entity === 'contacts') {
    const c = row as Contact;
    label = c.name;
    cells = [
      <a href={hashFor('contact', c.id)}>{c.name}</a>,
      <span class="email">{c.emails[0]?.address ?? ''}</span>,
      companyName && c.companyId ? <a href={hashFor('company', c.companyId)}>{companyName}</a> : '',
      lifecycleLabel(c.lifecycle),
      owner,
      day(c.updatedAt),
    ];
  } else if (entity === 'companies') {
    const c = row as Company;
    label = c.name;
    cells = [<a href={hashFor('company', c.id)}>{c.name}</a>, c.domains.join(', '), c.phone, owner];
  } else {
    const d = row as Deal;
    label = d.title;
    const stage = pipelines.find((p) => p.id === d.pipelineId)?.stages.find((s) => s.id === d.stageId);
    cells = [
      <a href={hashFor('deal', d.id)}>{d.title}</a>,
      <span class="amount">{money(d.value)}</span>,
      stage ? stageName(stage) : '',
      t(`dash_status_${d.status}`),
      day(d.expectedCloseAt),
      owner,
      day(d.updatedAt),
    ];
  }
  return (
    <tr class={selected ? 'selected' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('dash_select_row', { name: label })}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </td>
      {cells.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
    </tr>
  );
}
