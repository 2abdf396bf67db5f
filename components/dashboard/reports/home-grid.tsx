import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { arrangeHome, layoutKey } from '@/lib/dashboard/home-layout';
import type { HomeFigure } from '@/lib/model';
import { call } from '@/lib/worker/client';
import { t } from '../../i18n';
import type { Dashboard } from '../app-model';

/** The home's figures in their default order and width (HomeFigures renders each by id). */
export const HOME_DEFAULT: readonly HomeFigure[] = [
  { id: 'headline', hidden: false, wide: true },
  { id: 'pipeline', hidden: false, wide: false },
  { id: 'forecast', hidden: false, wide: false },
  { id: 'wonLost', hidden: false, wide: false },
  { id: 'sources', hidden: false, wide: false },
  { id: 'activities', hidden: false, wide: false },
  { id: 'responses', hidden: false, wide: false },
  { id: 'responseByRep', hidden: false, wide: true },
  { id: 'waiting', hidden: false, wide: false },
  { id: 'planTargets', hidden: false, wide: false },
  { id: 'overdue', hidden: false, wide: false },
];

/** Each figure's name where the rep arranges them: its own title. */
export function homeFigureNames(): Record<string, string> {
  return {
    headline: t('home_fig_headline'),
    pipeline: t('fig_pipeline_value'),
    forecast: t('fig_forecast'),
    wonLost: t('fig_won_lost'),
    sources: t('fig_sources'),
    activities: t('fig_activities'),
    responses: t('fig_response'),
    responseByRep: `${t('fig_response')} · ${t('fig_response_by_rep')}`,
    waiting: t('fig_waiting'),
    overdue: t('fig_overdue'),
    planTargets: t('plan_home_title'),
  };
}

/**
 * The current rep's layout of the home, saved in the settings under their id, and whether it is being arranged. A
 * change shows at once and is saved behind it; presses made while a save is under way are saved together as the
 * latest layout, so quick presses of "Move up" all count and a reload right after "Done" finds the last of them.
 */
export function useHomeLayout(app: Dashboard) {
  const [arranging, setArranging] = useState(false);
  const settings = app.settings.value;
  const key = layoutKey(settings?.currentRepId ?? null);
  const [local, setLocal] = useState<{ key: string; layout: HomeFigure[] } | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<{ key: string; layout: HomeFigure[] | null } | null>(null);
  const layout = local?.key === key ? local.layout : arrangeHome(HOME_DEFAULT, settings?.homeLayouts?.[key]);
  const store = (next: HomeFigure[] | null) => {
    setLocal({ key, layout: next ?? arrangeHome(HOME_DEFAULT, undefined) });
    latest.current = { key, layout: next };
    saving.current = saving.current.then(() => {
      const wanted = latest.current;
      if (!wanted) return;
      latest.current = null;
      return app.attempt(async () => {
        const layouts = { ...(app.settings.value?.homeLayouts ?? {}) };
        if (wanted.layout) layouts[wanted.key] = wanted.layout;
        else delete layouts[wanted.key];
        app.settings.value = await call('settings.update', { homeLayouts: layouts });
      });
    });
  };
  return {
    layout,
    arranging,
    /** Closing the panel waits for the layout to be stored, so what the rep leaves is what the next visit shows. */
    setArranging: (open: boolean) => {
      if (open) setArranging(true);
      else void saving.current.then(() => setArranging(false));
    },
    save: (next: HomeFigure[]) => store(next),
    reset: () => store(null),
  };
}

/** The shown figures in the rep's order, each half or full width. */
export function HomeGrid({ layout, figures }: { layout: HomeFigure[]; figures: Record<string, ComponentChildren> }) {
  return (
    <div class="figure-grid">
      {layout
        .filter((figure) => !figure.hidden && figures[figure.id] !== undefined)
        .map((figure) => (
          <div key={figure.id} class={figure.wide ? 'home-slot wide' : 'home-slot'} data-figure={figure.id}>
            {figures[figure.id]}
          </div>
        ))}
    </div>
  );
}
