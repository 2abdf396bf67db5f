import { useState } from 'preact/hooks';
import { newId } from '../lib/model/id';

/**
 * One request id per thing the rep is creating: kept across retries of a failed or unanswered submission, so the
 * worker makes the record once, and renewed after a success, so the next submission makes a new one.
 */
export function useRequestId(): { requestId: string; renew(): void } {
  const [requestId, setRequestId] = useState(() => newId());
  return { requestId, renew: () => setRequestId(newId()) };
}
