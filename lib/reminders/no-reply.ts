import { normaliseEmail, type Task, type WebmailSnapshot } from '../model';
import { withEvent } from './due';

/**
 * "Remind me if no reply": the task remembers which messages the thread held when it was set and who the other
 * people in it are; a later message from one of them is the reply that makes the reminder unnecessary.
 */

export type SnapshotThread = NonNullable<WebmailSnapshot['thread']>;
export type TaskWatch = NonNullable<Task['watch']>;

// The schema's bounds on Task.watch; a longer list would make the task impossible to save.
const MAX_KNOWN_IDS = 500;
const MAX_PARTICIPANTS = 200;

/**
 * Gmail hides the middle of a long thread behind "N older messages" until clicked, so those messages are missing
 * from the snapshot the watch was taken from and appear "new" later. A message dated well before the watch began is
 * one of those, not a reply. The margin covers Gmail showing times to the minute; an unparsed time (null) counts
 * as new, since a missed cancel only costs an extra reminder.
 */
const OLDER_THAN_WATCH_MARGIN = 10 * 60_000;

function messageKeys(message: SnapshotThread['messages'][number]): string[] {
  // The adapter gives the legacy hex id when Gmail shows no msg-f id, so the same message can arrive under either
  // form in two snapshots; knowing both keeps it from looking new.
  return message.legacyId && message.legacyId !== message.id ? [message.id, message.legacyId] : [message.id];
}

/** What to watch in `thread`: the message ids seen now, and everyone in it but the rep, normalised. */
export function watchFromThread(thread: SnapshotThread, repAddresses: readonly string[]): TaskWatch {
  const rep = new Set(repAddresses.map(normaliseEmail));
  const known = new Set<string>();
  const participants = new Set<string>();
  for (const message of thread.messages) {
    for (const key of messageKeys(message)) if (key !== '') known.add(key);
    for (const person of [message.from, ...message.to, ...message.cc]) {
      if (!person) continue;
      const address = normaliseEmail(person.email);
      if (address !== '' && !rep.has(address)) participants.add(address);
    }
  }
  return {
    // The newest ids matter most (replies come after them), so a huge thread drops its oldest.
    knownMessageIds: [...known].slice(-MAX_KNOWN_IDS),
    participants: [...participants].slice(0, MAX_PARTICIPANTS),
  };
}

/**
 * The task cancelled by a reply in `thread`, or null when nothing in it is a reply: a message whose id the watch
 * does not know, from one of the watched participants. The rep's own messages never cancel (the rep is not a watched
 * participant), nor do messages with no readable sender. A task that is not open is left alone.
 */
export function replyCancels(task: Task, thread: SnapshotThread, now: number): Task | null {
  const watch = task.watch;
  if (!watch || task.status !== 'open' || task.deletedAt !== null) return null;
  if (task.threadId !== null && task.threadId !== thread.id) return null;
  const known = new Set(watch.knownMessageIds);
  const watched = new Set(watch.participants);
  const reply = thread.messages.find((message) => {
    if (!message.from) return false;
    if (messageKeys(message).some((key) => known.has(key))) return false;
    if (message.time !== null && message.time < task.createdAt - OLDER_THAN_WATCH_MARGIN) return false;
    return watched.has(normaliseEmail(message.from.email));
  });
  if (!reply?.from) return null;
  return {
    ...task,
    status: 'cancelled',
    updatedAt: now,
    // The detail is the address alone so the UI can phrase "Cancelled: {address} replied" in the rep's language.
    history: withEvent(task, now, 'cancelled-by-reply', normaliseEmail(reply.from.email)),
  };
}
