import type { OutboundMessage } from '../core/messages.js';
import type { MessageSink, Outbox, TimerScheduler } from '../core/ports.js';
import type { EngineAction, EngineActionKind } from '../engine/types.js';
import type { Logger } from '../runtime/logger.js';
import type { CommunitySettings } from '../store/community-store.js';
import type { ConversationStore, StoredConversation } from '../store/conversation-store.js';
import type { LinkStore } from '../store/link-store.js';
import type { SupportStore } from '../store/support-store.js';

/*
 * One handler per kind of engine action. The runtime calls the handler after the conversation's new state is
 * stored; a handler does its one job (write, read, queue a message) and says what came of it. Handlers know nothing
 * of locks, caches or retries, so each can be tested with a store in memory and a recording outbox.
 */

/** What the runtime reads about communities (the settings flow's overview and change log, a milestone's channel). */
export interface CommunityReader {
  overview(community: string): Promise<string>;
  audit(community: string): Promise<string>;
  settings(community: string): Promise<CommunitySettings | undefined>;
}

/** What handlers may use. Optional parts are absent where a deployment (or a test) has none. */
export interface ActionDeps {
  readonly store: ConversationStore;
  readonly timers: TimerScheduler;
  readonly log: Logger;
  readonly clock: () => number;
  /** The platforms' sinks by platform name. */
  readonly sinks: ReadonlyMap<string, MessageSink>;
  readonly outbox?: Outbox | undefined;
  readonly communities?: CommunityReader | undefined;
  readonly support?: Pick<SupportStore, 'invite' | 'accept' | 'request' | 'reply'> | undefined;
  readonly links?: Pick<LinkStore, 'createCode' | 'redeem' | 'unlink'> | undefined;
}

/** What carrying out one action came to. */
export interface ActionOutcome {
  /** The conversation as it stands afterwards, when the action changed it (consent). */
  readonly conversation?: StoredConversation;
  /** Messages for the person, shown just before the next question (a file, a code, a confirmation). */
  readonly messages?: readonly OutboundMessage[];
  /** Conversations whose copy in memory is out of date now (linked, unlinked or deleted): read them afresh. */
  readonly stale?: readonly string[];
}

/** The action of kind `K` (several kinds share one shape, so a plain Extract would miss them). */
export type ActionOf<K extends EngineActionKind> = EngineAction extends infer A ? (A extends { readonly kind: infer Kinds } ? (K extends Kinds ? A : never) : never) : never;

export type ActionHandler<K extends EngineActionKind> = (action: ActionOf<K>, conversation: StoredConversation, deps: ActionDeps) => Promise<ActionOutcome>;

/** Every action kind has exactly one handler: a new kind the engine can emit does not compile without one. */
export type ActionHandlers = { readonly [K in EngineActionKind]: ActionHandler<K> };

export const nothing: ActionOutcome = {};

export const say = (...messages: OutboundMessage[]): ActionOutcome => ({ messages });

/** A message for another conversation (a supporter's, or the person who asked them), through the paced outbox. */
export async function sendTo(deps: ActionDeps, conversationId: string, message: OutboundMessage, key: string): Promise<void> {
  const other = await deps.store.get(conversationId);
  if (!other) return;
  const target = { conversationId: other.id, chatId: other.chatId, userId: other.userId };
  if (deps.outbox) await deps.outbox.enqueue([{ platform: other.platform, target, messages: [message], key }]);
  else await deps.sinks.get(other.platform)?.deliver(target, [message]);
}
