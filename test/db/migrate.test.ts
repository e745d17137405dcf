import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { MigrationError, dropDatabase, migrate, readMigrations } from '../../src/db/migrate.js';

const run = promisify(execFile);
const base = loadConfig(process.env).DATABASE_URL;
const created: string[] = [];

function freshUrl(): string {
  const u = new URL(base);
  u.pathname = `/tether_migrate_${randomBytes(4).toString('hex')}`;
  created.push(u.toString());
  return u.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(created.map(dropDatabase));
});

describe('migrations (offline, no Prisma schema engine binary)', () => {
  it('creates a missing database, applies every migration once, and records them as Prisma does', async () => {
    const url = freshUrl();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const first = await migrate(url);
    expect(first.createdDatabase).toBe(true);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const history = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(history.map((h) => h.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(history.every((h) => h.finished_at !== null && /^[0-9a-f]{64}$/.test(h.checksum))).toBe(true);
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['Person', 'Identity', 'Conversation', 'CheckIn', 'ProcessedEvent']));

    const second = await migrate(url);
    expect(second).toEqual({ createdDatabase: false, applied: [] });
  });

  it('lets several processes start at once: each migration is applied exactly once', async () => {
    const url = freshUrl();
    const outcomes = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = outcomes.flatMap((o) => o.applied);
    expect(applied).toEqual((await readMigrations()).map((m) => m.name));
    const [row] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(row!.n)).toBe(applied.length);
  });

  it('refuses to continue when an applied migration was edited afterwards', async () => {
    const url = freshUrl();
    const migrations = await readMigrations();
    await migrate(url, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(url, edited)).rejects.toBeInstanceOf(MigrationError);
  });

  it('rolls back a failing migration and names it', async () => {
    const url = freshUrl();
    const migrations = await readMigrations();
    const broken = [...migrations, { name: '99990101000000_broken', sql: 'CREATE TABLE "Half" (id int); SELECT nonsense_fn();', checksum: 'x' }];
    const error = await migrate(url, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe('99990101000000_broken');
    const half = await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'");
    expect(half).toHaveLength(0);
  });

  it('keeps prisma/schema.prisma and prisma/migrations in agreement', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'db:diff', '--', '--check'], { env: { ...process.env, DATABASE_URL: base } });
    expect(stdout).toMatch(/schema and migrations agree \(\d+ catalog entries\)/);
  }, 60_000);
});
