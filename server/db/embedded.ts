import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Embedded {
  /** A URL the ordinary `pg` client connects to, over a Unix socket only this machine can reach. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WASM (PGlite), in this process, with its data in `dataDir`, served on a Unix socket so the
 * same `pg` code runs on it as on a real server: a demo of a team needs nothing installed. PGlite is one session at
 * a time, so the caller keeps a pool of one connection and announces events in process. Loaded only when used.
 */
export async function startEmbedded(dataDir: string): Promise<Embedded> {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  await mkdir(dataDir, { recursive: true });
  const unlock = await lock(dataDir);
  const db = await PGlite.create(dataDir);
  const socketDir = await mkdtemp(join(tmpdir(), 'sidecar-pglite-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432') });
  await server.start();
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    stop: async () => {
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      await unlock();
    },
  };
}

/**
 * PGlite does not lock its data directory, and a second process opening it (`create-team` while the service runs)
 * would write beside the first one's cached pages and corrupt it. A lock file names the owner; one left by a process
 * that no longer exists (killed) is taken over.
 */
async function lock(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, 'sidecar.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (owner && isRunning(owner)) {
        throw new Error(`the embedded database in ${dataDir} is in use by process ${owner}: stop that first`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    // Signal 0 only asks whether the process exists.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
