import { signal } from '@preact/signals';
import { type OwnerChoice, parseOwnerChoice, storedOwnerChoice } from '@/lib/dashboard/team-view';
import { readLocal, writeLocal } from '../browser';

const KEY = 'dashboard.ownerFilter';

/** Whose records the board and the tables show: one choice for both, kept per browser with the UI preferences. */
export const ownerChoice = signal<OwnerChoice>('all');

export function loadOwnerChoice(): void {
  readLocal(KEY).then(
    (value) => {
      ownerChoice.value = parseOwnerChoice(value);
    },
    () => undefined,
  );
}

export function rememberOwnerChoice(choice: OwnerChoice): void {
  ownerChoice.value = choice;
  void writeLocal(KEY, storedOwnerChoice(choice)).catch(() => undefined);
}
