import { t } from '../../i18n';
import { FormSendersSettings } from '../forms/FormSendersSettings';
import { ReportMailSettings } from '../reports/ReportMailSettings';
import { ReportScheduleSettings } from '../reports/ReportScheduleSettings';
import type { ViewProps } from '../view-props';
import { ReasonSettings } from '../winloss/ReasonSettings';
import { CurrencySettings } from './CurrencySettings';
import { GeneralSettings } from './GeneralSettings';
import { PipelineSettings } from './PipelineSettings';
import { PropertySettings } from './PropertySettings';
import { RepSettings } from './RepSettings';
import { SourceSettings } from './SourceSettings';
import { TeamSettings } from './TeamSettings';

export function SettingsView({ app }: ViewProps) {
  const settings = app.settings.value!;
  return (
    <div class="settings">
      <h2>{t('dash_nav_settings')}</h2>
      <GeneralSettings app={app} settings={settings} />
      <CurrencySettings app={app} settings={settings} />
      <PipelineSettings app={app} settings={settings} />
      <PropertySettings app={app} />
      <SourceSettings app={app} />
      <ReasonSettings app={app} />
      <RepSettings app={app} settings={settings} />
      <ReportScheduleSettings app={app} settings={settings} />
      <ReportMailSettings app={app} settings={settings} />
      <FormSendersSettings app={app} settings={settings} />
      <TeamSettings app={app} />
    </div>
  );
}
