import { type CsvEncoding, decodeCsvBytes } from '@/lib/import/decode';
import { type ParsedCsv, parseCsv } from '@/lib/import/parse';

export interface ParsedFile extends ParsedCsv {
  encoding: CsvEncoding;
}

type WorkerAnswer = { ok: true; value: ParsedFile } | { ok: false; message: string };

/** Reads a chosen file in a Web Worker; where no worker can start (tests, an odd browser), on this thread. */
export async function parseFile(file: Blob): Promise<ParsedFile> {
  const buffer = await file.arrayBuffer();
  if (typeof Worker === 'function') {
    try {
      return await inWorker(buffer);
    } catch (error) {
      console.warn('Sidecar: parsing the CSV on the page thread', error);
    }
  }
  const decoded = decodeCsvBytes(new Uint8Array(buffer));
  return { ...parseCsv(decoded.text), encoding: decoded.encoding };
}

function inWorker(buffer: ArrayBuffer): Promise<ParsedFile> {
  return new Promise((resolve, reject) => {
    // The literal `new Worker(new URL(…, import.meta.url))` is what the bundler recognises and emits as a file.
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.value);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the parser worker failed'));
    };
    // Copied, not transferred: the page thread needs the bytes again if the worker fails.
    worker.postMessage(buffer);
  });
}
