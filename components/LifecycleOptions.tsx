import { LIFECYCLE_STAGES } from '@/lib/model';
import { lifecycleLabel } from './format';

/** The lifecycle stages, in their order, as the options of a select. */
export function LifecycleOptions() {
  return (
    <>
      {LIFECYCLE_STAGES.map((stage) => (
        <option key={stage} value={stage}>
          {lifecycleLabel(stage)}
        </option>
      ))}
    </>
  );
}
