import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.js';
import { NoteCipher } from '../../src/crypto/note-cipher.js';
import { emptyState } from '../../src/engine/types.js';
import { PrismaConversationStore } from '../../src/store/prisma-store.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';

/**
 * Prisma stores times as UTC in "timestamp(3)" columns. A Postgres whose time zone is not UTC (initdb takes the
 * host's) must not shift the times the one-statement commits write with the database's own clock.
 */
let env: TestEnvironment;
let db: Database;

beforeAll(async () => {
  env = await createTestEnvironment();
  const url = new URL(env.config.DATABASE_URL);
  url.searchParams.set('options', '-c TimeZone=Pacific/Auckland');
  db = createDatabase(url.toString(), 2);
});
afterAll(async () => {
  await db.$disconnect();
  await env.cleanup();
});

describe('one-statement commits in a database that is not on UTC', () => {
  it("stores updatedAt and the dedup key's createdAt in UTC, as Prisma does", async () => {
    const store = new PrismaConversationStore(db, NoteCipher.fromString(randomBytes(32).toString('base64')));
    const opened = await store.open({ platform: 'test', chatId: 'tz1', userId: 'tz1' });
    const before = Date.now();
    expect((await store.commit(opened, { state: { ...emptyState, seq: 1 }, records: [] })).kind).toBe('committed');
    const row = await db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(Math.abs(row.updatedAt.getTime() - before)).toBeLessThan(60_000);
    const current = (await store.get(opened.id))!;
    expect((await store.commit(current, { state: { ...emptyState, seq: 2 }, records: [], dedupKey: 'test:tz:1' })).kind).toBe('committed');
    const after = await db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(Math.abs(after.updatedAt.getTime() - before)).toBeLessThan(60_000);
    const event = await db.processedEvent.findUniqueOrThrow({ where: { key: 'test:tz:1' } });
    expect(Math.abs(event.createdAt.getTime() - before)).toBeLessThan(60_000);
  });
});
