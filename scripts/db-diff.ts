/**
 * Development tool for schema changes, built on Prisma's own schema engine compiled to WebAssembly
 * (the native engine cannot be downloaded on an offline machine).
 *
 *   npm run db:diff -- --create NAME  write the SQL from the committed schema (git HEAD) to the edited one as
 *                                     prisma/migrations/<timestamp>_NAME/migration.sql; `--from REV` diffs from
 *                                     another commit's schema (to redo a migration that has not landed yet)
 *   npm run db:diff -- --check        build one scratch database from prisma/migrations and one straight from the
 *                                     schema, compare their catalogs, exit 1 when they differ (the tests run this)
 *
 * The WebAssembly engine cannot read a live Postgres catalog through the pg adapter here ("Column type 'char'
 * could not be deserialized"), so the check compares the two databases itself.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { defaultMigrationsDir, dropDatabase, ensureDatabase, migrate } from '../src/db/migrate.js';

const schemaPath = new URL('../prisma/schema.prisma', import.meta.url).pathname;
const args = process.argv.slice(2);
const baseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/tether';

function scratchUrl(tag: string): string {
  const u = new URL(baseUrl);
  u.pathname = `/tether_${tag}_${randomBytes(4).toString('hex')}`;
  return u.toString();
}

async function diffSql(url: string, from: string | null, to: string): Promise<string> {
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, to]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url })),
  );
  const result = await engine.diff({
    from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: from }] },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: to }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
}

/** Tables, columns, indexes and constraints of the public schema, as comparable text. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => JSON.stringify(r)).sort();
  } finally {
    await client.end();
  }
}

const schema = await readFile(schemaPath, 'utf8');

if (args.includes('--check')) {
  const fromMigrations = scratchUrl('mig');
  const fromSchema = scratchUrl('sch');
  try {
    await migrate(fromMigrations);
    await ensureDatabase(fromSchema);
    const sql = await diffSql(fromSchema, null, schema);
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(sql);
    await client.end();
    const [a, b] = await Promise.all([catalog(fromMigrations), catalog(fromSchema)]);
    const onlyMigrations = a.filter((x) => !b.includes(x));
    const onlySchema = b.filter((x) => !a.includes(x));
    if (onlyMigrations.length || onlySchema.length) {
      console.error('prisma/schema.prisma and prisma/migrations disagree; run `npm run db:diff -- --create <name>`.');
      for (const x of onlyMigrations) console.error(`  only in migrations: ${x}`);
      for (const x of onlySchema) console.error(`  only in schema:     ${x}`);
      process.exitCode = 1;
    } else {
      console.log(`schema and migrations agree (${a.length} catalog entries)`);
    }
  } finally {
    await Promise.all([dropDatabase(fromMigrations), dropDatabase(fromSchema)]);
  }
} else {
  const i = args.indexOf('--create');
  const name = (i >= 0 ? (args[i + 1] ?? '') : '').replace(/[^a-z0-9_]/gi, '_');
  if (!name) {
    console.error('usage: npm run db:diff -- --create NAME | --check');
    process.exit(2);
  }
  let previous: string | null = null;
  try {
    const from = args.includes('--from') ? (args[args.indexOf('--from') + 1] ?? 'HEAD') : 'HEAD';
    previous = execFileSync('git', ['show', `${from}:prisma/schema.prisma`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    previous = null; // no committed schema yet: the first migration builds everything
  }
  const existing = await import('node:fs').then((fs) => fs.readdirSync(defaultMigrationsDir).filter((d) => /^\d/.test(d)));
  if (existing.length === 0) previous = null;
  const url = scratchUrl('diff');
  await ensureDatabase(url);
  try {
    const sql = await diffSql(url, previous, schema);
    if (!sql) {
      console.log('nothing to migrate');
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const dir = join(defaultMigrationsDir, `${stamp}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'migration.sql'), sql + '\n');
      console.log(`wrote ${dir}/migration.sql; check it, then run npm run db:migrate`);
    }
  } finally {
    await dropDatabase(url);
  }
}
