import { useEffect, useState } from 'preact/hooks';
import type { Rep, ThreadKind } from '@/lib/model';
import { call } from '@/lib/worker/client';
import type { Output } from '@/lib/worker/contract';
import { NamedSelect } from '../dashboard/NamedSelect';
import { onSidecarEvent } from '../events';
import { errorText } from '../format';
import { formatCount, t } from '../i18n';
import { durationWords, kindLabel } from '../kind-label';
import { useRequestId } from '../request-id';
import { createLogClock } from './log-clock';
import '../styles/service.css';

type ThreadService = Output<'service.thread'>;

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * The open thread as the response policy sees it: its kind in one click (the rules' suggestion marked), its
 * deadline, its owner, and the customer's score. `version` changes with every snapshot of the thread, so a reply
 * just sent or received is read again.
 */
export function ServiceSection({
  threadId,
  version,
  reps,
  contactId,
}: {
  threadId: string;
  version: string;
  reps: Rep[];
  /** The contact a score is recorded on: the customer of the thread, when known. */
  contactId: string | null;
}) {
  const [kinds, setKinds] = useState<ThreadKind[]>([]);
  const [info, setInfo] = useState<ThreadService | null>(null);
  const [reload, setReload] = useState(0);
  const [score, setScore] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { requestId, renew } = useRequestId();

  useEffect(() => {
    const controller = new AbortController();
    onSidecarEvent((event) => {
      // The worker hears of a new message after this frame does (lib/content/worker-publish.ts): read again then.
      if (
        event.type === 'snapshot' ||
        (event.type === 'changed' &&
          event.stores.some((s) => ['serviceThreads', 'threadKinds', 'threadPrefs'].includes(s)))
      ) {
        setReload((n) => n + 1);
      }
    }, controller.signal);
    // Like logging, a thread gets its record and owner only once the rep has had the time to mark it private.
    const clock = createLogClock(
      (id) => void call('service.seen', { threadId: id }).catch(() => null),
      controller.signal,
    );
    clock.show(threadId);
    return () => controller.abort();
  }, [threadId]);

  useEffect(() => {
    let current = true;
    void Promise.all([call('service.kinds', {}), call('service.thread', {})]).then(
      ([k, i]) => {
        if (!current) return;
        setKinds(k);
        setInfo(i);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [threadId, version, reload]);

  if (!info || info.private) return null;
  const record = info.record;
  const chosen = record?.kindBy === 'rep' ? record.kindId : null;
  const suggested = chosen ? null : (record?.kindId ?? info.suggestedKindId);
  const suggestedKind = kinds.find((k) => k.id === suggested);
  const currentKind = kinds.find((k) => k.id === (chosen ?? suggested));

  const act = async (work: Promise<unknown>, done?: string) => {
    setMessage(null);
    try {
      await work;
      if (done) setMessage(done);
      setReload((n) => n + 1);
    } catch (error) {
      setMessage(errorText(error));
    }
  };
  const recordScore = (value: number) =>
    act(
      call('service.recordScore', { contactId, threadId, score: value, requestId }).then(renew),
      t('service_score_saved', { score: value }),
    );

  const deadline = info.deadline;
  let status: string | null = null;
  if (deadline) {
    status =
      deadline.state === 'over'
        ? t('service_over_by', { duration: durationWords(deadline.ms) })
        : t('service_due_in', { duration: durationWords(deadline.ms) });
  } else if (currentKind && info.waiting) status = t('service_no_target');
  else if (record?.firstAnsweredAt) status = t('service_answered');

  return (
    <section class="service" aria-labelledby="service-title">
      <h2 id="service-title">{t('service_title')}</h2>
      <fieldset class="kind-choices" aria-labelledby="service-title">
        {kinds.map((kind) => (
          <button
            key={kind.id}
            type="button"
            class={kind.id === suggested ? 'chip suggested' : 'chip'}
            aria-pressed={kind.id === chosen}
            onClick={() => void act(call('service.setKind', { threadId, kindId: kind.id }))}
          >
            {kindLabel(kind)}
          </button>
        ))}
      </fieldset>
      {suggestedKind ? <p class="muted small">{t('service_suggested', { kind: kindLabel(suggestedKind) })}</p> : null}
      {status ? (
        <p class={deadline?.state === 'over' ? 'deadline over' : 'deadline'} role="status">
          {status}
        </p>
      ) : null}
      {record ? (
        <NamedSelect
          label={t('service_owner')}
          all={t('service_no_owner')}
          options={reps}
          value={record.ownerRepId}
          onChange={(repId) => void act(call('service.assign', { threadId, repId }))}
        />
      ) : null}
      <h3>{t('service_score_title')}</h3>
      {info.offeredScore ? (
        <p>
          {t('service_score_offer', { score: info.offeredScore })}{' '}
          <button type="button" class="small" onClick={() => void recordScore(info.offeredScore ?? 0)}>
            {t('service_score_record', { score: info.offeredScore })}
          </button>
        </p>
      ) : null}
      <fieldset class="score-entry" aria-label={t('service_score_label')}>
        {SCORES.map((value) => (
          <button
            key={value}
            type="button"
            class="chip"
            aria-pressed={score === value}
            aria-label={`${t('service_score_label')} ${formatCount(value)}`}
            onClick={() => setScore(value)}
          >
            {formatCount(value)}
          </button>
        ))}
        <button type="button" class="small" disabled={score === null} onClick={() => score && void recordScore(score)}>
          {t('service_score_save')}
        </button>
      </fieldset>
      {message ? (
        <p class="muted small" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
