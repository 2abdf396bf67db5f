import { formatMoney } from '@/lib/i18n/numbers';
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

/** A failure as the rep should read it: what kind of problem, in their language, then the specifics. */
export function errorText(error: unknown): string {
  if (error instanceof RpcFailure) {
    const kind = t(`error_${error.error.code.replace('-', '_')}` as MessageKey);
    // Refusals name the field and the reason; the other kinds are whole sentences already in the rep's language.
    return ['invalid', 'conflict', 'invalid-request'].includes(error.error.code)
      ? `${kind} ${error.error.message}`
      : kind;
  }
  return t('error_internal');
}
