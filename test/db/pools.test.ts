import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, stepsOf, warmUp, type Database } from '../../src/db/client.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';

let env: TestEnvironment;
let db: Database;

beforeAll(async () => {
  env = await createTestEnvironment();
  db = createDatabase(env.config.DATABASE_URL, 4);
});
afterAll(async () => {
  await db.$disconnect();
  await env.cleanup();
});

const backends = async () =>
  Number((await db.$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)[0].n);

describe('database pools', () => {
  it('opens every connection at start and keeps them', async () => {
    await warmUp(db);
    // 2 for Prisma, 2 for steps; the query below runs on one of Prisma's, which it does not count.
    expect(await backends()).toBe(3);
    expect(stepsOf(db).totalCount).toBe(2);
  });

  it('lets only step moves skip the wait for the disk: everything written through Prisma waits', async () => {
    const step = await stepsOf(db).query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    expect(step.rows[0]!.synchronous_commit).toBe('off');
    const prisma = await db.$queryRaw<[{ synchronous_commit: string }]>`SHOW synchronous_commit`;
    expect(prisma[0].synchronous_commit).toBe('on');
  });

  it('closes the step pool with the client', async () => {
    const other = createDatabase(env.config.DATABASE_URL, 2);
    await warmUp(other);
    await other.$disconnect();
    expect(stepsOf(other).ended).toBe(true);
  });
});
