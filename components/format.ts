import { formatMoney } from '@/lib/i18n/numbers';
import { refusalText } from '@/lib/i18n/refusal';
import type { MessageKey } from '@/lib/i18n/translate';
import type { DealStage, LifecycleStage, Money, Source } from '@/lib/model';
import { DEFAULT_STAGES } from '@/lib/model/defaults';
import { RpcFailure } from '@/lib/worker/client';
import { locale, t } from './i18n';

export function money(value: Money): string {
  return formatMoney(value, locale());
}

export function lifecycleLabel(stage: LifecycleStage): string {
  return t(`lifecycle_${stage}` as MessageKey);
}

export function sourceLabel(source: Source): string {
  return source.key ? t(`source_${source.key.replace('-', '_')}` as MessageKey) : source.name;
}

/**
 * A stage's name as the rep reads it. The default stages are created with English names at install; while a stage
 * still carries one, it is shown in the rep's language. A name the rep gave is theirs and shown as is.
 */
export function stageName({ name }: Pick<DealStage, 'name'>): string {
  const key = DEFAULT_STAGES.find((stage) => stage.name === name)?.key;
  return key ? t(`stage_${key}` as MessageKey) : name;
}

/** A failure as the rep should read it: what went wrong, in their language, naming fields by their labels. */
export function errorText(error: unknown): string {
  return error instanceof RpcFailure ? refusalText(error.error, locale()) : t('error_internal');
}
