import pg from 'pg';

/**
 * bigint columns (team versions, mutation numbers) come back as numbers: they stay far below 2^53, and a string
 * compared with `>` would sort "10" before "9".
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, onError: (error: Error) => void, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // A request must not hang on a database that went away: fail fast, answer 503, let the device retry.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server restarted emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', onError);
  return pool;
}

/** Runs `work` in one transaction: committed when it resolves, rolled back (nothing written) when it throws. */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // The pool listens for errors only on idle clients. A connection lost between two statements of this transaction
  // (the database restarting) would otherwise be an unhandled 'error' event and end the process; the next statement
  // fails anyway, and the request answers 503.
  const lost = () => {
    broken = true;
  };
  client.on('error', lost);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.off('error', lost);
    // A client whose connection was lost is destroyed rather than handed out again.
    client.release(broken);
  }
}
