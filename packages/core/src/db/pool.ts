import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

// Return timestamptz/bigint as strings we convert deliberately, never as lossy numbers.
pg.types.setTypeParser(20, (v) => v); // int8

export function createPool(opts: {
  connectionString: string;
  max?: number;
  applicationName?: string;
  connectionTimeoutMillis?: number;
  onIdleError?: (err: Error) => void;
}): Pool {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'playloop',
    idleTimeoutMillis: 30_000,
    // How long a caller may wait for a free connection before failing fast (busy pool or database).
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5_000,
    statement_timeout: 10_000,
  });
  // An idle client whose server went away (restart, failover, admin kill) is dropped by the pool;
  // without a listener the 'error' event would crash the process instead.
  pool.on('error', opts.onIdleError ?? (() => undefined));
  return pool;
}

/** Runs `fn` in a transaction; rolls back on any throw. */
export async function withTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
