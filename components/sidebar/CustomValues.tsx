import type { CustomValue } from '@/lib/dashboard/custom-fields';
import type { CustomPropertyDef } from '@/lib/model';
import { formatCount } from '../i18n';

function shown(value: Exclude<CustomValue, null>): string {
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'number' ? formatCount(value) : value;
}

/** A contact's custom properties that hold a value, read-only: they are edited on the contact's page. */
export function CustomValues({ defs, values }: { defs: CustomPropertyDef[]; values: Record<string, CustomValue> }) {
  const filled = defs.filter(
    (def) => def.entity === 'contact' && def.deletedAt === null && (values[def.key] ?? '') !== '',
  );
  if (filled.length === 0) return null;
  return (
    <dl class="custom-values">
      {filled.map((def) => (
        <div key={def.id}>
          <dt>{def.label}</dt>
          <dd>{shown(values[def.key]!)}</dd>
        </div>
      ))}
    </dl>
  );
}
