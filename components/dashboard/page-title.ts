import { signal } from '@preact/signals';

/** The name of the record a record page shows, for the tab's title (routes.tsx); null on every other page. */
export const recordTitle = signal<string | null>(null);
