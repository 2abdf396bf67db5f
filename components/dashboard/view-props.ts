import type { Dashboard } from './app-model';

/** What the router hands every dashboard view. Kept apart from the routes, which import every view. */
export interface ViewProps {
  app: Dashboard;
  /** The record id of #/contact/<id> and the like; null for list pages. */
  param: string | null;
}
