import type { DealStage, Pipeline } from '../model';

/**
 * Edits of a pipeline's stages as pure functions: the settings form keeps a draft pipeline and saves it whole, and
 * the store decides whether a removed stage may go (it refuses while deals stand in it).
 */
export function addStage(pipeline: Pipeline, name: string, id: string = crypto.randomUUID()): Pipeline {
  const last = pipeline.stages.at(-1);
  const stage: DealStage = { id, name, probability: last ? Math.min(1, last.probability) : 0.1 };
  return { ...pipeline, stages: [...pipeline.stages, stage] };
}

export function updateStage(pipeline: Pipeline, stageId: string, patch: Partial<Omit<DealStage, 'id'>>): Pipeline {
  return { ...pipeline, stages: pipeline.stages.map((s) => (s.id === stageId ? { ...s, ...patch } : s)) };
}

/** Moves a stage one place earlier (-1) or later (+1); at an edge nothing changes. */
export function shiftStage(pipeline: Pipeline, stageId: string, by: -1 | 1): Pipeline {
  const stages = [...pipeline.stages];
  const from = stages.findIndex((s) => s.id === stageId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= stages.length) return pipeline;
  const [moved] = stages.splice(from, 1);
  stages.splice(to, 0, moved!);
  return { ...pipeline, stages };
}

export function removeStage(pipeline: Pipeline, stageId: string): Pipeline {
  return { ...pipeline, stages: pipeline.stages.filter((s) => s.id !== stageId) };
}

/** "60", "60%", "០.៦"… → 0.6; null when it is not a percentage from 0 to 100. */
export function parsePercent(text: string): number | null {
  const western = text.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).replace(/[%\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(western)) return null;
  const value = Number(western);
  return value >= 0 && value <= 100 ? Math.round(value * 100) / 10_000 : null;
}

/** A machine key for a custom property from its label: "Budget (USD)" → "budget_usd"; Khmer labels get a fallback. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .replace(/_+$/, '')
      .slice(0, 32) || 'field';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** "4,100" or "៤១០០" → 4100; null unless a positive number. */
export function parseRate(text: string): number | null {
  const western = text.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).replace(/[\s,]/g, '');
  if (!/^\d*\.?\d+$/.test(western)) return null;
  const value = Number(western);
  return value > 0 && Number.isFinite(value) ? value : null;
}
