import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Database = InstanceType<typeof PrismaClient>;

/** The pools under each client: Prisma's, and the one for steps (see stepsOf). */
const pools = new WeakMap<Database, { readonly main: pg.Pool; readonly steps: pg.Pool }>();

/**
 * A Prisma client over the `pg` driver adapter (no native query engine, works offline), and beside it a smaller pool
 * for conversation steps (see stepsOf). `poolSize` is the two together.
 *
 * Connections are kept once open (idleTimeoutMillis 0) and opened at start (warmUp): a new one costs Postgres a
 * backend process and the client a SCRAM exchange, about 14 ms each, which a burst of answers after a quiet spell
 * would otherwise pay over and over (measured: 100 answers at once took 220 ms with the pool reopening, 40 without).
 */
export function createDatabase(url: string, poolSize = 10): Database {
  const stepSize = Math.max(1, Math.floor(poolSize / 2));
  const pool = new pg.Pool({ connectionString: url, max: Math.max(1, poolSize - stepSize), idleTimeoutMillis: 0 });
  const steps = new pg.Pool({ connectionString: url, max: stepSize, idleTimeoutMillis: 0, options: '-c synchronous_commit=off' });
  // An idle connection that drops (Postgres restarted) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  steps.on('error', () => undefined);
  // The client ends its pool when it disconnects, as it would a pool of its own; the step pool goes with it.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await Promise.all([disconnect(), steps.ended ? undefined : steps.end()]);
  };
  pools.set(db, { main: pool, steps });
  return db;
}

/**
 * The pool for one statement on nearly every answer: a conversation's move to its next step (and the platform's
 * delivery key with it). Two things set it apart:
 * - it is sent through `pg`, not Prisma: Prisma's raw queries cost about 0.15–0.25 ms of CPU more (its query
 *   compiler and request pipeline), a tenth of what handling an answer costs;
 * - its commits do not wait for the disk (synchronous_commit off). When answers arrive together they queue for the
 *   WAL flush (measured at 500 answers/s: p99 10.4 ms waiting, 5.5 ms not). What that risks: if Postgres itself
 *   crashes, the last fraction of a second of step moves can be lost, and the person is asked the same question
 *   again. Nothing else: check-ins, plans, consent and deletions are written through Prisma in transactions that do
 *   wait, and each of those makes every earlier step move durable too (the log is flushed in order).
 */
export function stepsOf(db: Database): pg.Pool {
  return poolsOf(db).steps;
}

/** Opens every connection now, at start, rather than during the first burst of answers. */
export async function warmUp(db: Database): Promise<void> {
  const open = (pool: pg.Pool) => Array.from({ length: pool.options.max }, () => pool.query('SELECT 1'));
  const { main, steps } = poolsOf(db);
  await Promise.all([...open(main), ...open(steps)]);
}

function poolsOf(db: Database): { readonly main: pg.Pool; readonly steps: pg.Pool } {
  const found = pools.get(db);
  if (!found) throw new Error('this database client was not made by createDatabase, so it has no pools');
  return found;
}
