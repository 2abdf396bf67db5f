/**
 * A queue that runs work one piece at a time, in the order it was asked for: each piece starts once the one before
 * has settled, whether it succeeded or failed. For a read-modify-write of the store that two events may ask for at
 * once (two alarms firing together), where both must not read before either writes.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
