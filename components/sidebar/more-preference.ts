import { signal } from '@preact/signals';
import { readLocal, writeLocal } from '../browser';

const KEY = 'sidebar.cardMore';

/**
 * Whether a contact card opens with "More" shown: the rep's habit, so one choice for every card, kept with the UI
 * preferences in storage.local (the sidebar frame, inside Gmail's page, is refused sessionStorage).
 */
export const moreOpen = signal(false);

export function loadMorePreference(): void {
  readLocal(KEY).then(
    (value) => {
      moreOpen.value = value === true;
    },
    () => undefined,
  );
}

export function rememberMore(open: boolean): void {
  moreOpen.value = open;
  void writeLocal(KEY, open).catch(() => undefined);
}
