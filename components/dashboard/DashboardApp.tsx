import { useModel, useSignalEffect } from '@preact/signals';
import type { MessageKey } from '@/lib/i18n/translate';
import { FirstSyncProgress } from '../FirstSyncProgress';
import { t } from '../i18n';
import { UndoToast } from '../UndoToast';
import { DashboardModel } from './app-model';
import { Nav } from './Nav';
import { recordTitle } from './page-title';
import { documentTitle, ROUTES } from './routes';

export function DashboardApp() {
  const app = useModel(DashboardModel);
  useSignalEffect(() => {
    document.title = documentTitle(app.route.value.name, recordTitle.value);
  });
  const route = app.route.value;
  const def = ROUTES.find((r) => r.name === route.name);
  const navItems = ROUTES.filter((r): r is typeof r & { nav: MessageKey } => r.nav !== undefined).map((r) => ({
    name: r.name,
    label: r.nav,
  }));

  let body = <p class="muted">{t('loading')}</p>;
  if (app.problem.value) {
    body = (
      <p class="error" role="alert">
        {t('dash_unavailable')} {app.problem.value}
      </p>
    );
  } else if (!def) {
    body = <p class="notice">{t('dash_not_found')}</p>;
  } else if (app.ready.value) {
    const View = def.view;
    body = <View key={`${route.name}/${route.param ?? ''}`} app={app} param={route.param} />;
  }

  return (
    <div class="dash" lang={app.settings.value?.language ?? 'en'}>
      <header class="dash-top">
        <h1>{t('appName')}</h1>
        <Nav items={navItems} current={route.name} />
        <FirstSyncProgress />
      </header>
      <main class="dash-main">{body}</main>
      <UndoToast
        toast={app.toast.value}
        onClose={() => {
          app.toast.value = null;
        }}
      />
    </div>
  );
}
