import { keyString, type Address, type ConversationKey } from '../core/address.js';
import { BoundedMap } from '../lib/bounded-map.js';
import type { StoredConversation } from '../store/conversation-store.js';

/**
 * The conversations this process handled lately, by id and by person and chat, so the next event of a busy chat
 * need not read the database. A copy may be old (another process moved on): the store's version check finds that
 * out at commit, and the runtime reads afresh.
 */
export class ConversationCache {
  private readonly byId: BoundedMap<string, StoredConversation>;
  private readonly idsByKey = new Map<string, string>();

  constructor(size: number) {
    this.byId = new BoundedMap(size);
  }

  get(conversationId: string): StoredConversation | undefined {
    return this.byId.get(conversationId);
  }

  /** The copy for this address, if one is kept and speaks `locale` (when the platform told one). */
  find(address: Address, locale: string | undefined): StoredConversation | undefined {
    const id = 'key' in address ? this.idsByKey.get(keyString(address.key)) : address.conversationId;
    if (id === undefined) return undefined;
    const cached = this.byId.get(id);
    return cached && (locale === undefined || cached.locale === locale) ? cached : undefined;
  }

  /** The lock key of a stored conversation, if its copy is kept (a timer then waits behind the person's messages). */
  keyOfId(conversationId: string): string | undefined {
    const cached = this.byId.get(conversationId);
    return cached ? keyString(cached) : undefined;
  }

  remember(conversation: StoredConversation, key: ConversationKey | undefined): void {
    this.idsByKey.set(keyString(key ?? conversation), conversation.id);
    const evicted = this.byId.set(conversation.id, conversation);
    if (evicted) this.idsByKey.delete(keyString(evicted[1]));
  }

  forget(conversationId: string): void {
    this.byId.delete(conversationId);
  }

  forgetAll(conversationIds: readonly string[]): void {
    for (const id of conversationIds) this.forget(id);
    for (const [k, id] of this.idsByKey) if (conversationIds.includes(id)) this.idsByKey.delete(k);
  }

  /** What the person's other chats know of them (their plan, supporters, schedule) is out of date. */
  forgetPersonsOtherChats(personId: string, except: string): void {
    const stale = [...this.idsByKey.values()].filter((id) => id !== except && this.byId.get(id)?.personId === personId);
    this.forgetAll(stale);
  }
}
