import { decodeCsvBytes } from '@/lib/import/decode';
import { parseCsv } from '@/lib/import/parse';

/**
 * Decodes and parses an uploaded CSV off the page's main thread: papaparse on a 100k-row file takes long enough to
 * freeze the wizard (and its Cancel button) if run there.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ArrayBuffer>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  try {
    const decoded = decodeCsvBytes(new Uint8Array(event.data));
    scope.postMessage({ ok: true, value: { ...parseCsv(decoded.text), encoding: decoded.encoding } });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
