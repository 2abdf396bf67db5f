import type { ComponentType } from 'preact';
import type { PageName } from '@/lib/dashboard/links';
import type { MessageKey } from '@/lib/i18n/translate';
import { t } from '../i18n';
import { BoardView } from './board/BoardView';
import { CompetitorPage } from './competitors/CompetitorPage';
import { CompetitorsView } from './competitors/CompetitorsView';
import { ExportView } from './export/ExportView';
import { CaptureView } from './forms/CaptureView';
import { FormsView } from './forms/FormsView';
import { ImportView } from './import/ImportView';
import { PlanView } from './plan/PlanView';
import { CompanyPage } from './records/CompanyPage';
import { ContactPage } from './records/ContactPage';
import { DealPage } from './records/DealPage';
import { HomeFigures } from './reports/HomeFigures';
import { ReportPage } from './reports/ReportPage';
import { ReportsView } from './reports/ReportsView';
import { KindSettings } from './service/KindSettings';
import { ServiceView } from './service/ServiceView';
import { SettingsView } from './settings/SettingsView';
import { TemplatesView } from './settings/TemplatesView';
import { TableView } from './tables/TableView';
import { TasksView } from './tasks/TasksView';
import { TeamView } from './team/TeamView';
import type { ViewProps } from './view-props';
import { WinLossView } from './winloss/WinLossView';

export interface RouteDef {
  /** First segment of the hash: "" is home (#/). */
  name: PageName;
  view: ComponentType<ViewProps>;
  /** Shown in the nav when present; record pages have none. */
  nav?: MessageKey;
  /** The page's name in the tab's title where it has no nav label; a record page shows its record's name once read. */
  title?: MessageKey;
}

/**
 * Every page of the dashboard. A new page is one line here (for example
 * `{ name: 'import', view: ImportView, nav: 'dash_nav_import' }`); the nav and the router read this list.
 */
export const ROUTES: RouteDef[] = [
  { name: '', view: HomeFigures, nav: 'dash_nav_home' },
  { name: 'board', view: BoardView, nav: 'dash_nav_board' },
  { name: 'team', view: TeamView, nav: 'dash_nav_team' },
  { name: 'contacts', view: (p) => <TableView {...p} entity="contacts" />, nav: 'dash_nav_contacts' },
  { name: 'companies', view: (p) => <TableView {...p} entity="companies" />, nav: 'dash_nav_companies' },
  { name: 'deals', view: (p) => <TableView {...p} entity="deals" />, nav: 'dash_nav_deals' },
  { name: 'tasks', view: TasksView, nav: 'dash_nav_tasks' },
  { name: 'import', view: ImportView, nav: 'dash_nav_import' },
  { name: 'export', view: ExportView, nav: 'dash_nav_export' },
  { name: 'reports', view: ReportsView, nav: 'dash_nav_reports' },
  { name: 'service', view: ServiceView, nav: 'dash_nav_service' },
  { name: 'winloss', view: WinLossView, nav: 'dash_nav_winloss' },
  { name: 'competitors', view: CompetitorsView, nav: 'dash_nav_competitors' },
  { name: 'plan', view: PlanView, nav: 'dash_nav_plan' },
  { name: 'templates', view: TemplatesView, nav: 'dash_nav_templates' },
  { name: 'forms', view: FormsView, nav: 'dash_nav_forms' },
  { name: 'capture', view: CaptureView, title: 'capture_title' },
  { name: 'settings', view: SettingsView, nav: 'dash_nav_settings' },
  { name: 'contact', view: ContactPage, title: 'dash_nav_contacts' },
  { name: 'company', view: CompanyPage, title: 'dash_nav_companies' },
  { name: 'deal', view: DealPage, title: 'dash_nav_deals' },
  { name: 'report', view: ReportPage, title: 'reports_title' },
  { name: 'service-kinds', view: KindSettings, title: 'service_kinds_title' },
  { name: 'competitor', view: CompetitorPage, title: 'dash_nav_competitors' },
];

/** The tab's title: "<page> · Sidecar CRM" in the rep's language, so tabs and history tell the views apart. */
export function documentTitle(routeName: string, recordTitle: string | null): string {
  const def = ROUTES.find((r) => r.name === routeName);
  const key = def?.nav ?? def?.title;
  const page = recordTitle ?? (key ? t(key) : null);
  return page ? `${page} · ${t('appName')}` : t('appName');
}
