import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailAddress, requiredText } from '../lib/model';
import { createTeam } from './accounts/teams';
import { buildApp, loggerOptions } from './app';
import { type Config, readConfig } from './config';
import { migrate } from './db/migrate';
import { createPool, type Pool } from './db/pool';
import { EventHub } from './events/hub';

/**
 * `npm run server` starts the service; `npm run server -- migrate` only brings the schema up to date;
 * `npm run server -- create-team --name … --manager-name … --manager-email …` makes a team and prints the
 * manager's one-time invite code.
 */
const USAGE = `usage:
  npm run server                     start the service (DATABASE_URL, PORT, HOST, SIDECAR_ALLOWED_ORIGINS)
  npm run server -- migrate          apply pending migrations and exit
  npm run server -- create-team --name "Lucky Retail" --manager-name "Dara" --manager-email dara@lucky.kh`;

const newTeamSchema = z.strictObject({
  name: requiredText(120),
  'manager-name': requiredText(120),
  'manager-email': emailAddress,
});

function databaseUrl(config: Config): string {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required (postgres://user:password@host:5432/database)');
  return config.DATABASE_URL;
}

/** Commands that run once: the schema brought up to date first, so they work on an empty database too. */
async function withPool<T>(config: Config, work: (pool: Pool, applied: string[]) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl(config), (error) => console.error('database connection lost:', error.message));
  try {
    return await work(pool, await migrate(pool));
  } finally {
    await pool.end();
  }
}

async function serve(config: Config): Promise<void> {
  const app = await buildAppFor(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function buildAppFor(config: Config) {
  const url = databaseUrl(config);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const pool = createPool(url, (error) => app?.log.warn({ err: error }, 'idle database connection lost'));
  await migrate(pool);
  const log = {
    warn: (object: object, message: string) => app?.log.warn(object, message),
    info: (object: object, message: string) => app?.log.info(object, message),
  };
  const hub = new EventHub(pool, log, url);
  app = await buildApp({
    pool,
    hub,
    allowedOrigins: config.SIDECAR_ALLOWED_ORIGINS,
    trustProxy: config.SIDECAR_TRUST_PROXY,
    logger: loggerOptions({ level: config.LOG_LEVEL }),
  });
  app.addHook('onClose', async () => pool.end());
  await hub.start();
  if (config.SIDECAR_ALLOWED_ORIGINS.length === 0) {
    app.log.warn('SIDECAR_ALLOWED_ORIGINS is empty: no browser extension can call this service');
  }
  return app;
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  const config = readConfig(process.env);
  if (command === 'serve') return serve(config);
  if (command === 'migrate') {
    const applied = await withPool(config, async (_pool, applied) => applied);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
    return;
  }
  if (command === 'create-team') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, 'manager-name': { type: 'string' }, 'manager-email': { type: 'string' } },
      strict: true,
    });
    const input = newTeamSchema.safeParse(values);
    if (!input.success)
      throw new Error(`${input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    const team = input.data;
    const { teamId, invite } = await withPool(config, (pool) =>
      createTeam(pool, { name: team.name, managerName: team['manager-name'], managerEmail: team['manager-email'] }),
    );
    console.log(`Team "${team.name}" created (${teamId}).`);
    console.log(`Invite code for ${invite.name} <${invite.email}>, manager: ${invite.code}`);
    console.log(
      `It works once, until ${new Date(invite.expiresAt).toISOString()}: type it in Sidecar, Settings → Team.`,
    );
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
