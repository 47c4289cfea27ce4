import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

const MIGRATION_FILE = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface MigrationResult {
  applied: string[];
  skipped: number;
  /** Applied migrations whose file no longer matches what was applied: never edit an applied migration. */
  changedSinceApplied: string[];
}

/**
 * Applies pending `supabase/migrations/*.sql` in order, each in its own transaction, and records
 * them in `supabase_migrations.schema_migrations` (version, statements, name) exactly as the
 * Supabase CLI does, so the same folder can later be `supabase db push`-ed to a hosted project.
 * A session advisory lock keeps two concurrent migrators from racing.
 */
export async function migrate(
  connectionString: string,
  migrationsDir: string,
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['playloop:migrate']);
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text not null primary key,
        statements text[],
        name text
      );`);
    const recorded = new Map(
      (
        await client.query<{ version: string; statements: string[] | null }>(
          'select version, statements from supabase_migrations.schema_migrations',
        )
      ).rows.map((r) => [r.version, r.statements?.join('\n') ?? null] as const),
    );
    const files = (await readdir(migrationsDir)).filter((f) => MIGRATION_FILE.test(f)).sort();
    const applied: string[] = [];
    const changedSinceApplied: string[] = [];
    for (const file of files) {
      const [, version, name] = MIGRATION_FILE.exec(file) as RegExpExecArray;
      const sql = await readFile(path.join(migrationsDir, file), 'utf8');
      if (recorded.has(version as string)) {
        const before = recorded.get(version as string);
        if (before !== null && before !== sql) changedSinceApplied.push(file);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
          [version, [sql], name],
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
    return { applied, skipped: files.length - applied.length, changedSinceApplied };
  } finally {
    await client
      .query('select pg_advisory_unlock(hashtext($1))', ['playloop:migrate'])
      .catch(() => undefined);
    await client.end();
  }
}

/** Runs `supabase/seed.sql` (written to be idempotent). */
export async function seed(connectionString: string, seedFile: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const sql = await readFile(seedFile, 'utf8');
    await client.query('begin');
    try {
      await client.query(sql);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw new Error(`seed ${path.basename(seedFile)} failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  } finally {
    await client.end();
  }
}
