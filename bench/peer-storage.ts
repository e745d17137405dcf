import pg from 'pg';
import type { ConversationData, VersionedState, VersionedStateStorage } from '@grammyjs/conversations';

/**
 * A key/value storage adapter for @grammyjs/conversations on Postgres (through `pg`, a pool of 10 like Tether's),
 * shaped like grammY's own session storage adapters: one row per key, the value as JSON text.
 */
export async function postgresStorage(url: string): Promise<{ adapter: VersionedStateStorage<string, ConversationData>; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS conversations_kv (key text PRIMARY KEY, value text NOT NULL)');
  const adapter: VersionedStateStorage<string, ConversationData> = {
    async read(key) {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM conversations_kv WHERE key = $1', [key]);
      return rows[0] ? (JSON.parse(rows[0].value) as VersionedState<ConversationData>) : undefined;
    },
    async write(key, state) {
      await pool.query('INSERT INTO conversations_kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(state)]);
    },
    async delete(key) {
      await pool.query('DELETE FROM conversations_kv WHERE key = $1', [key]);
    },
  };
  return { adapter, close: () => pool.end() };
}
