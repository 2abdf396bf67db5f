import { versionEventSchema } from '../sync/protocol';

/**
 * Reads the service's Server-Sent Events (GET /v1/events) from a streaming response until it ends or `signal`
 * aborts: `onVersion` hears each announced team version, `onChunk` every arrival (the service pings every 25 s),
 * which is when the reader may decide it is no longer wanted.
 */
export async function readEvents(
  response: Response,
  signal: AbortSignal,
  onVersion: (version: number) => void,
  onChunk: () => void = () => undefined,
): Promise<void> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done || signal.aborted) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const version = versionOf(buffer.slice(0, end));
        if (version !== null) onVersion(version);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
      onChunk();
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** The version a `version` event announces; null for comments, retries and other events. */
export function versionOf(block: string): number | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== 'version' || data.length === 0) return null;
  try {
    const parsed = versionEventSchema.safeParse(JSON.parse(data.join('\n')));
    return parsed.success ? parsed.data.version : null;
  } catch {
    return null;
  }
}
