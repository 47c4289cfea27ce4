// Did a process touch Postgres during a time window? pg_stat_activity's `query_start` is live
// (shared memory, not the delayed statistics), so it answers at once and exactly.
import pg from 'pg';

export interface PostgresWatch {
  /** Backends of `applicationName` that started a query, or connected, since `begin()`. */
  end(): Promise<{ backendsThatQueried: number; newBackends: number; lastQueries: string[] }>;
}

export async function watchPostgres(
  databaseUrl: string,
  databaseName: string,
  applicationName: string,
): Promise<PostgresWatch> {
  const observer = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'bench-observer',
  });
  await observer.connect();
  const { rows } = await observer.query<{ now: Date }>('select clock_timestamp() as now');
  const since = (rows[0] as { now: Date }).now;
  return {
    async end() {
      const { rows: active } = await observer.query<{
        query_start: Date | null;
        backend_start: Date;
        query: string;
      }>(
        `select query_start, backend_start, query from pg_stat_activity where datname = $1 and application_name = $2`,
        [databaseName, applicationName],
      );
      await observer.end();
      const queried = active.filter((r) => r.query_start !== null && r.query_start > since);
      return {
        backendsThatQueried: queried.length,
        newBackends: active.filter((r) => r.backend_start > since).length,
        lastQueries: queried.map((r) => r.query.replace(/\s+/g, ' ').slice(0, 120)),
      };
    },
  };
}
