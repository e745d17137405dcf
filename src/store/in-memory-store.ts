import { randomUUID } from 'node:crypto';
import type { PendingTimer, RecordEffect } from '../engine/types.js';
import { emptyState } from '../engine/types.js';
import type { CommitOutcome, CommitRequest, ConversationStore, PersonExport, StoredConversation } from './conversation-store.js';
import type { ConversationKey } from '../core/address.js';

/**
 * Conversations in memory, with the same semantics as the Postgres store (optimistic versions, duplicate
 * deliveries, reachability). For the engine benchmark and for trying flows without a database; not for production.
 */
export class InMemoryConversationStore implements ConversationStore {
  readonly records: Array<{ conversationId: string; record: RecordEffect }> = [];
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly byKey = new Map<string, string>();
  private readonly people = new Map<string, { personId: string; reachable: boolean; consented: boolean }>();
  private readonly processed = new Set<string>();

  async open(key: ConversationKey): Promise<StoredConversation> {
    const identity = `${key.platform}\u0000${key.userId}`;
    let person = this.people.get(identity);
    if (!person) {
      person = { personId: randomUUID(), reachable: true, consented: false };
      this.people.set(identity, person);
    }
    person.reachable = true;
    const k = `${key.platform}\u0000${key.chatId}\u0000${person.personId}`;
    const id = this.byKey.get(k);
    if (id) return { ...this.conversations.get(id)!, reachable: true, consented: person.consented };
    const created: StoredConversation = { id: randomUUID(), personId: person.personId, platform: key.platform, chatId: key.chatId, userId: key.userId, state: emptyState, version: 0, reachable: true, consented: person.consented, locale: null, crisisRegion: null, facts: { scheduled: false, paused: false }, plan: null, supporters: [], lastCheckIn: null, progress: { checkIns: 0, streakDays: 0, countFrom: null, community: null, communityMember: null } };
    this.conversations.set(created.id, created);
    this.byKey.set(k, created.id);
    return created;
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const c = this.conversations.get(conversationId);
    if (!c) return undefined;
    const person = this.people.get(`${c.platform}\u0000${c.userId}`);
    return { ...c, reachable: person?.reachable ?? false, consented: person?.consented ?? false };
  }

  async setConsent(personId: string): Promise<void> {
    for (const person of this.people.values()) if (person.personId === personId) person.consented = true;
  }

  async commit(current: StoredConversation, request: CommitRequest): Promise<CommitOutcome> {
    if (request.dedupKey !== undefined && this.processed.has(request.dedupKey)) return { kind: 'duplicate' };
    const stored = this.conversations.get(current.id);
    if (!stored || stored.version !== current.version) return { kind: 'conflict' };
    if (request.dedupKey !== undefined) this.processed.add(request.dedupKey);
    const next = { ...stored, state: request.state, version: stored.version + 1 };
    this.conversations.set(current.id, next);
    for (const record of request.records) this.records.push({ conversationId: current.id, record });
    return { kind: 'committed', conversation: next };
  }

  async knows(platform: string, userId: string): Promise<boolean> {
    return this.people.has(`${platform}\u0000${userId}`);
  }

  async setReachable(platform: string, userId: string, reachable: boolean): Promise<void> {
    const person = this.people.get(`${platform}\u0000${userId}`);
    if (person) person.reachable = reachable;
  }

  async timeZoneOf(): Promise<undefined> {
    return undefined;
  }

  async recentCheckIns(): Promise<never[]> {
    return [];
  }

  async checkInsSince(): Promise<never[]> {
    return [];
  }

  async exportPerson(personId: string): Promise<PersonExport> {
    const conversations = [...this.conversations.values()].filter((c) => c.personId === personId);
    return {
      exportedAt: new Date().toISOString(),
      person: { createdAt: new Date().toISOString(), consentedAt: null, locale: null },
      identities: conversations.map((c) => ({ platform: c.platform, id: c.userId })),
      checkIns: this.records.filter((r) => conversations.some((c) => c.id === r.conversationId)).map((r) => r.record.values),
      groupCheckIns: [],
      plan: null,
      slips: [],
      supporters: [],
      schedule: null,
      conversations: conversations.map((c) => ({ platform: c.platform, inProgress: c.state.stack.map((r) => r.flowId), scheduled: [] })),
    };
  }

  async forgetPerson(personId: string) {
    const gone = [...this.conversations.values()].filter((c) => c.personId === personId);
    for (const c of gone) this.conversations.delete(c.id);
    for (const [key, person] of this.people) if (person.personId === personId) this.people.delete(key);
    return gone.map((c) => ({ conversationId: c.id, timerIds: c.state.timers.map((t) => t.id) }));
  }

  async pendingTimers(): Promise<ReadonlyArray<{ conversationId: string; timer: PendingTimer }>> {
    return [...this.conversations.values()].flatMap((c) => c.state.timers.map((timer) => ({ conversationId: c.id, timer })));
  }
}
