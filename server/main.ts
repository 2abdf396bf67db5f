import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailAddress, requiredText } from '../lib/model';
import { createTeam } from './accounts/teams';
import { buildApp, loggerOptions } from './app';
import { type Config, readConfig } from './config';
import { startEmbedded } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool, type Pool } from './db/pool';
import { EventHub } from './events/hub';

const USAGE = `usage:
  npm run server                     start the service (DATABASE_URL, PORT, HOST, SIDECAR_ALLOWED_ORIGINS)
  npm run server -- migrate          apply pending migrations and exit
  npm run server -- create-team --name "Lucky Retail" --manager-name "Dara" --manager-email dara@lucky.kh`;

const newTeamSchema = z.strictObject({
  name: requiredText(120),
  'manager-name': requiredText(120),
  'manager-email': emailAddress,
});

interface Database {
  pool: Pool;
  /** For LISTEN; null on the embedded database, which serves one session at a time. */
  listenUrl: string | null;
  close(): Promise<void>;
}

/** The database of DATABASE_URL, or without it the embedded one, with the schema brought up to date. */
async function openDatabase(config: Config, onError: (error: Error) => void): Promise<Database> {
  if (config.DATABASE_URL) {
    const pool = createPool(config.DATABASE_URL, onError);
    await migrate(pool);
    return { pool, listenUrl: config.DATABASE_URL, close: () => pool.end() };
  }
  console.error(
    `No DATABASE_URL: using the embedded PostgreSQL (PGlite) in ${config.SIDECAR_DATA_DIR}, for a demo. ` +
      'A business sets DATABASE_URL (see server/README.md).',
  );
  const embedded = await startEmbedded(config.SIDECAR_DATA_DIR);
  const pool = createPool(embedded.url, onError, 1);
  await migrate(pool);
  return {
    pool,
    listenUrl: null,
    close: async () => {
      await pool.end();
      await embedded.stop();
    },
  };
}

async function serve(config: Config): Promise<void> {
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const database = await openDatabase(config, (error) =>
    app?.log.warn({ err: error }, 'idle database connection lost'),
  );
  const log = {
    warn: (object: object, message: string) => app?.log.warn(object, message),
    info: (object: object, message: string) => app?.log.info(object, message),
  };
  const hub = new EventHub(database.pool, log, database.listenUrl);
  app = await buildApp({
    pool: database.pool,
    hub,
    allowedOrigins: config.SIDECAR_ALLOWED_ORIGINS,
    trustProxy: config.SIDECAR_TRUST_PROXY,
    logger: loggerOptions({ level: config.LOG_LEVEL }),
  });
  app.addHook('onClose', async () => database.close());
  await hub.start();
  if (config.SIDECAR_ALLOWED_ORIGINS.length === 0) {
    app.log.warn('SIDECAR_ALLOWED_ORIGINS is empty: no browser extension can call this service');
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app?.log.info({ signal }, 'stopping');
    await app?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function createTeamCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, 'manager-name': { type: 'string' }, 'manager-email': { type: 'string' } },
    strict: true,
  });
  const input = newTeamSchema.safeParse(values);
  if (!input.success) {
    throw new Error(`${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
  }
  const team = input.data;
  const database = await openDatabase(config, () => {});
  try {
    const { teamId, invite } = await createTeam(database.pool, {
      name: team.name,
      managerName: team['manager-name'],
      managerEmail: team['manager-email'],
    });
    console.log(`Team "${team.name}" created (${teamId}).`);
    console.log(`Invite code for ${invite.name} <${invite.email}>, manager: ${invite.code}`);
    console.log(
      `It works once, until ${new Date(invite.expiresAt).toISOString()}: type it in Sidecar, Settings → Team.`,
    );
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  const config = readConfig(process.env);
  if (command === 'serve') return serve(config);
  if (command === 'create-team') return createTeamCommand(config, rest);
  if (command === 'migrate') {
    const database = await openDatabase(config, () => {});
    await database.close();
    console.log('schema up to date');
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
