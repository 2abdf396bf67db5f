import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The team service's tests: Node, a real PostgreSQL started by the global setup, real sockets. Kept apart from the
 * extension's unit tests (happy-dom, fake IndexedDB) and run by `npm run test:server`.
 */
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    globals: true,
    globalSetup: ['test/server/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
