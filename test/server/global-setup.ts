import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/server/db/migrate';
import { createPool } from '@/server/db/pool';
import { startCluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's maintenance database; each test file makes its own database from `sidecar_template`. */
    pgUrl: string;
  }
}

/** One PostgreSQL for the whole run, with a migrated template that each test file copies into a database of its own. */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query('CREATE DATABASE sidecar_template');
  await admin.end();
  const pool = createPool(cluster.url('sidecar_template'), () => {});
  await migrate(pool);
  await pool.end();
  project.provide('pgUrl', cluster.url());
  return () => cluster.stop();
}
