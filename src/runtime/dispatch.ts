import type { FlowScope, InboundEvent } from '../core/messages.js';
import type { EventReply, MessageSink, Outbox, RuntimeObserver, TimerScheduler } from '../core/ports.js';
import type { FlowRegistry } from '../engine/flow.js';
import type { TextScreen } from '../engine/text-gate.js';
import type { EngineSettings, Transition } from '../engine/types.js';
import type { ActionDeps, CommunityReader } from '../features/action.js';
import type { ConversationStore, StoredConversation } from '../store/conversation-store.js';
import type { Logger } from './logger.js';

/* What the runtime is given, what dispatching an event takes, and what it comes to. */

export interface RuntimeDeps {
  readonly store: ConversationStore;
  readonly registry: FlowRegistry;
  readonly settings: EngineSettings;
  readonly timers: TimerScheduler;
  readonly sinks: readonly MessageSink[];
  readonly log: Logger;
  readonly screens?: readonly TextScreen[];
  readonly clock?: () => number;
  /** How many times an event is re-applied after losing a race with another process. */
  readonly maxAttempts?: number;
  /** How many conversations are kept in memory between events. */
  readonly cacheSize?: number;
  /**
   * The deployment's region for crisis lines (CRISIS_REGION), after the community's and the person's own choice and
   * before the international default (see safety/crisis-region.ts).
   */
  readonly crisisRegion?: string | undefined;
  /** Values for `{@name}` in flow texts, for a conversation (its person's plan, supporters, progress). */
  readonly varsFor?: (conversation: StoredConversation, communityRegion?: string) => Readonly<Record<string, string>>;
  /** Where messages nobody is waiting for (scheduled check-ins, reminders) go: a paced queue (see src/delivery). */
  readonly outbox?: Outbox;
  /** What moderators read about their community (for the settings flow's overview and change log). */
  readonly communities?: CommunityReader;
  /**
   * Someone acting in a community's scope wrote something the crisis screen caught: alert the moderators who opted
   * in (never with what was written). Called after the person got their reply.
   */
  readonly onCrisis?: (conversation: StoredConversation, scope: FlowScope) => Promise<void>;
  /** Supporters who opted in to receive requests through Tether (see store/support-store.ts). */
  readonly support?: ActionDeps['support'];
  /** Joining a person's identities across platforms (see store/link-store.ts). */
  readonly links?: ActionDeps['links'];
  /** The flows a community adds (its group check-in), used while a person answers one of its group check-ins. */
  readonly registryFor?: (community: string) => Promise<FlowRegistry | undefined>;
  /** Counts what happens (metrics); told platform names and flow ids only. */
  readonly observer?: RuntimeObserver;
}

export interface DispatchOptions {
  /** The platform's handle for answering this very event (a Discord interaction). */
  readonly reply?: EventReply;
  /** A platform's id for this delivery: the same delivery twice is handled once. */
  readonly dedupKey?: string;
  /** The person's locale as the platform reports it (`en-US`). */
  readonly locale?: string;
  /** Nobody is waiting for this reply (a scheduled check-in): send it through the paced outbox, keyed by dedupKey. */
  readonly paced?: boolean;
}

export type DispatchOutcome =
  | { readonly kind: 'handled'; readonly conversationId: string; readonly transition: Transition }
  | { readonly kind: 'duplicate'; readonly conversationId: string }
  /** A timer for a conversation that no longer exists (the person deleted their data). */
  | { readonly kind: 'gone' }
  /** A timer for someone the platform cannot reach: dropped, nothing sent. */
  | { readonly kind: 'unreachable'; readonly conversationId: string };

export class DispatchError extends Error {
  constructor(
    message: string,
    readonly detail: { readonly conversationId?: string | undefined; readonly event: InboundEvent['type'] },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DispatchError';
  }
}
