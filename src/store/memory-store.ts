import { randomUUID } from 'node:crypto';
import { emptyState, type PendingTimer } from '../engine/types.js';
import type { CommitOutcome, CommitRequest, ConversationKey, ConversationStore, StoredConversation } from './conversation-store.js';
import { parseRecord, type ParsedRecord } from './records.js';

/** A stored record, as the Postgres store would write it (a CheckIn row). */
export interface MemoryRecord {
  readonly conversationId: string;
  readonly personId: string;
  readonly platform: string;
  readonly record: ParsedRecord;
}

type Person = { consentedAt: Date | null };
type Identity = { readonly personId: string; reachable: boolean };
type Row = Omit<StoredConversation, 'reachable' | 'consented'>;

/**
 * Conversations in memory, with the semantics of the Postgres store (prisma-store.ts): one person per
 * (platform, userId), one conversation per (platform, chatId, person), optimistic versions, dedup keys, and records
 * validated before anything is stored. For benchmarks and trying flows without a database; not for production.
 */
export class MemoryConversationStore implements ConversationStore {
  /** Every record stored, oldest first. */
  readonly records: MemoryRecord[] = [];
  private readonly people = new Map<string, Person>();
  private readonly identities = new Map<string, Identity>();
  private readonly conversations = new Map<string, Row>();
  private readonly idsByKey = new Map<string, string>();
  private readonly processed = new Set<string>();

  async open(key: ConversationKey): Promise<StoredConversation> {
    let identity = this.identities.get(identityKey(key.platform, key.userId));
    if (!identity) {
      identity = { personId: randomUUID(), reachable: true };
      this.people.set(identity.personId, { consentedAt: null });
      this.identities.set(identityKey(key.platform, key.userId), identity);
    }
    // Someone who writes to us can be reached again.
    identity.reachable = true;
    const k = `${key.platform}\u0000${key.chatId}\u0000${identity.personId}`;
    const id = this.idsByKey.get(k);
    let row = id === undefined ? undefined : this.conversations.get(id);
    if (!row) {
      row = { id: randomUUID(), personId: identity.personId, platform: key.platform, chatId: key.chatId, userId: key.userId, state: emptyState, version: 0 };
      this.conversations.set(row.id, row);
      this.idsByKey.set(k, row.id);
    }
    return { ...row, reachable: true, consented: this.consented(row.personId) };
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const row = this.conversations.get(conversationId);
    if (!row) return undefined;
    const reachable = this.identities.get(identityKey(row.platform, row.userId))?.reachable ?? false;
    return { ...row, reachable, consented: this.consented(row.personId) };
  }

  async commit(current: StoredConversation, request: CommitRequest): Promise<CommitOutcome> {
    // As in Postgres: a bad record fails the whole commit before anything is stored.
    const records = request.records.map(parseRecord);
    const dedupKey = request.dedupKey?.slice(0, 200);
    if (dedupKey !== undefined && this.processed.has(dedupKey)) return { kind: 'duplicate' };
    const row = this.conversations.get(current.id);
    if (!row || row.version !== current.version) return { kind: 'conflict' };
    if (dedupKey !== undefined) this.processed.add(dedupKey);
    this.conversations.set(row.id, { ...row, state: request.state, version: row.version + 1 });
    for (const record of records) this.records.push({ conversationId: row.id, personId: row.personId, platform: row.platform, record });
    return { kind: 'committed', conversation: { ...current, state: request.state, version: current.version + 1 } };
  }

  async setConsent(personId: string, at: Date): Promise<void> {
    const person = this.people.get(personId);
    if (!person) throw new Error(`no person ${personId}`);
    person.consentedAt = at;
  }

  async knows(platform: string, userId: string): Promise<boolean> {
    return this.identities.has(identityKey(platform, userId));
  }

  async setReachable(platform: string, userId: string, reachable: boolean): Promise<void> {
    const identity = this.identities.get(identityKey(platform, userId));
    if (identity) identity.reachable = reachable;
  }

  async pendingTimers(): Promise<ReadonlyArray<{ readonly conversationId: string; readonly timer: PendingTimer }>> {
    return [...this.conversations.values()].flatMap((row) => row.state.timers.map((timer) => ({ conversationId: row.id, timer })));
  }

  private consented(personId: string): boolean {
    return (this.people.get(personId)?.consentedAt ?? null) !== null;
  }
}

function identityKey(platform: string, userId: string): string {
  return `${platform}\u0000${userId}`;
}
