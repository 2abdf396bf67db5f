import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Origins that may call the service from a browser: the extension's, exactly, never a wildcard. */
const origins = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s*]+$/, { error: 'must be an origin such as chrome-extension://<id>' }),
    ),
  );

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  /** Without DATABASE_URL: where the embedded PostgreSQL (PGlite) keeps its data. */
  SIDECAR_DATA_DIR: z.string().min(1).default(join(homedir(), '.sidecar-team')),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  SIDECAR_ALLOWED_ORIGINS: origins,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy that terminates TLS, so logged addresses are the clients'. */
  SIDECAR_TRUST_PROXY: z.stringbool().default(false),
});
export type Config = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`bad configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
