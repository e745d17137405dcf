import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyState, type ConversationState } from '../../src/engine/types.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { startHarness, type Harness } from '../helpers/tether-harness.js';

/**
 * An answer from a platform (with a dedup key, nothing else to store) is stored in one statement rather than a
 * transaction: it must keep the transaction's guarantees.
 */
let env: TestEnvironment;
let h: Harness;

beforeAll(async () => {
  env = await createTestEnvironment();
  h = await startHarness(env.config);
});
afterAll(async () => {
  await h.tether.close();
  await env.cleanup();
});

const withTimer = (dueAt: number, seq: number): ConversationState => ({ ...emptyState, seq, timers: [{ id: `t${seq}`, kind: 'step', dueAt }] });

describe('storing one answer with a dedup key', () => {
  it('stores the state, its next due time in UTC and the key, once', async () => {
    const store = h.tether.store;
    const opened = await store.open({ platform: 'test', chatId: 'c1', userId: 'u1' });
    const dueAt = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
    const first = await store.commit(opened, { state: withTimer(dueAt, 1), records: [], dedupKey: 'test:once:1' });
    expect(first.kind).toBe('committed');
    const row = await h.tether.db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.version).toBe(opened.version + 1);
    expect(row.nextDueAt?.getTime()).toBe(dueAt);
    expect((row.state as unknown as ConversationState).seq).toBe(1);
    expect(await h.tether.db.processedEvent.count({ where: { key: 'test:once:1' } })).toBe(1);

    // The same delivery again: a duplicate, and nothing about the conversation changes (the update is undone too).
    const current = first.kind === 'committed' ? first.conversation : opened;
    const again = await store.commit(current, { state: withTimer(dueAt + 60_000, 2), records: [], dedupKey: 'test:once:1' });
    expect(again.kind).toBe('duplicate');
    const after = await h.tether.db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(after.version).toBe(row.version);
    expect(after.nextDueAt?.getTime()).toBe(dueAt);
  });

  it('reports a conflict on an old version and keeps the key free for the retry', async () => {
    const store = h.tether.store;
    const opened = await store.open({ platform: 'test', chatId: 'c2', userId: 'u2' });
    const moved = await store.commit(opened, { state: withTimer(Date.now() + 1000, 1), records: [], dedupKey: 'test:other:1' });
    expect(moved.kind).toBe('committed');
    const stale = await store.commit(opened, { state: withTimer(Date.now() + 2000, 2), records: [], dedupKey: 'test:conflict:1' });
    expect(stale.kind).toBe('conflict');
    expect(await h.tether.db.processedEvent.count({ where: { key: 'test:conflict:1' } })).toBe(0);
    const fresh = (await store.get(opened.id))!;
    const retried = await store.commit(fresh, { state: { ...emptyState, seq: 3 }, records: [], dedupKey: 'test:conflict:1' });
    expect(retried.kind).toBe('committed');
    const row = await h.tether.db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.nextDueAt).toBeNull();
    expect(row.version).toBe(opened.version + 2);
  });

  it('stores a timer\'s change (no dedup key) with its next due time in UTC', async () => {
    const store = h.tether.store;
    const opened = await store.open({ platform: 'test', chatId: 'c3', userId: 'u3' });
    const dueAt = Date.UTC(2031, 5, 6, 7, 8, 9, 10);
    expect((await store.commit(opened, { state: withTimer(dueAt, 1), records: [] })).kind).toBe('committed');
    expect((await store.commit(opened, { state: withTimer(dueAt, 1), records: [] })).kind).toBe('conflict');
    const row = await h.tether.db.conversation.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.nextDueAt?.getTime()).toBe(dueAt);
    expect(row.version).toBe(opened.version + 1);
  });
});
