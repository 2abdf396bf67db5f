import type { Signal } from '@preact/signals';
import type { Pipeline, Rep } from '@/lib/model';
import { t } from '../../i18n';
import { NamedSelect } from '../NamedSelect';
import { type Figures, PERIOD_CHOICES, type PeriodChoice } from './figures-model';

const CHOICE_LABEL = {
  'this-month': 'fig_period_this_month',
  'last-month': 'fig_period_last_month',
  'this-quarter': 'fig_period_this_quarter',
  custom: 'fig_period_custom',
} as const;

/** One end of a custom period: a date input bound to the model's 'YYYY-MM-DD' text. */
function DayInput({ label, day }: { label: string; day: Signal<string> }) {
  return (
    <label>
      {label}
      <input
        type="date"
        value={day.value}
        onInput={(e) => {
          day.value = e.currentTarget.value;
        }}
      />
    </label>
  );
}

/** The dashboard home's filters: the period (a custom one by its first and last days), the rep, the pipeline. */
export function FigureFilters({
  model,
  reps,
  pipelines,
}: {
  model: Figures;
  reps: readonly Rep[];
  pipelines: readonly Pipeline[];
}) {
  return (
    <form class="filters row report-filters" aria-label={t('fig_filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('fig_period')}
        <select
          value={model.choice.value}
          onChange={(e) => {
            model.choice.value = e.currentTarget.value as PeriodChoice;
          }}
        >
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(CHOICE_LABEL[choice])}
            </option>
          ))}
        </select>
      </label>
      {model.choice.value === 'custom' ? (
        <>
          <DayInput label={t('fig_from')} day={model.customFrom} />
          <DayInput label={t('fig_to')} day={model.customTo} />
        </>
      ) : null}
      <NamedSelect
        label={t('fig_rep')}
        all={t('dash_all_reps')}
        options={reps}
        value={model.repId.value}
        onChange={(id) => {
          model.repId.value = id;
        }}
      />
      <NamedSelect
        label={t('fig_pipeline')}
        all={t('fig_all_pipelines')}
        options={pipelines}
        value={model.pipelineId.value}
        onChange={(id) => {
          model.pipelineId.value = id;
        }}
      />
    </form>
  );
}
