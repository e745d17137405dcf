import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** One folder of `prisma/migrations`, read from disk. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrateOutcome {
  readonly createdDatabase: boolean;
  readonly applied: readonly string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** prisma/migrations of the checkout this module runs from: src/db/ under tsx, dist/src/db/ once built. */
export const defaultMigrationsDir = migrationsAbove(new URL('.', import.meta.url).pathname);

function migrationsAbove(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'prisma', 'migrations');
    if (existsSync(candidate)) return `${candidate}/`;
    if (dirname(at) === at) return new URL('../../prisma/migrations/', import.meta.url).pathname;
  }
}

/**
 * Reads `prisma/migrations/<name>/migration.sql` in name order, as `prisma migrate deploy` does.
 * The checksum is the same SHA-256 Prisma records, so either tool can continue the other's history.
 */
export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** Creates the database named in `url` when it does not exist yet. Returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!dbName) throw new MigrationError(`DATABASE_URL names no database (${redactUrl(url)})`, undefined);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(dbName)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE: that is fine. Postgres reports the race as
      // "already exists" (42P04) or, when both CREATEs overlap, as a unique violation on pg_database (23505).
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
      return false;
    }
    return true;
  } finally {
    await client.end();
  }
}

const historyTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Creates the database if needed and applies pending migrations, each in its own transaction, under an
 * advisory lock so several processes starting at once apply each migration exactly once.
 * Keeps Prisma's `_prisma_migrations` table, so `prisma migrate deploy` sees the same history.
 */
export async function migrate(url: string, migrations?: readonly Migration[]): Promise<MigrateOutcome> {
  const createdDatabase = await ensureDatabase(url);
  const list = migrations ?? (await readMigrations());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(7424837)');
    await client.query(historyTable);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const known = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    for (const m of list) {
      const previous = known.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationError(
            `migration ${m.name} was changed after it was applied; add a new migration instead of editing it`,
            m.name,
          );
        }
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
        applied.push(m.name);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`, m.name, { cause: error });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7424837)').catch(() => undefined);
    await client.end();
  }
  return { createdDatabase, applied };
}

/** Drops a database (tests and benchmarks use throwaway ones). */
export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The URL with any password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
