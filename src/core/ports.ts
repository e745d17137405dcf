import type { OutboundMessage, TimerRequest } from './messages.js';

/*
 * The ports: small interfaces the runtime is handed, each with a production implementation elsewhere (a platform
 * sink in adapters/, BullMQ in queue/ and delivery/, Redis for the sinks' memory) and a simple one for tests.
 */

/** Where a message goes: a conversation's chat and the person in it. */
export interface DeliveryTarget {
  readonly conversationId: string;
  readonly chatId: string;
  readonly userId: string;
}

/**
 * How the platform lets us answer one particular event (a Discord interaction's token, whose deferred "thinking…"
 * reply the first message replaces). Only that event's own reply carries it: a timed step sent at the same moment
 * cannot take another event's reply.
 */
export interface EventReply {
  readonly token: string;
}

/**
 * Where a conversation's messages go: one per platform (terminal, Telegram, Discord). A sink that cannot deliver
 * throws one of core/errors.ts (RecipientUnreachableError, RateLimitedError, TransientDeliveryError).
 */
export interface MessageSink {
  readonly platform: string;
  /** `reply`, when given: the platform's handle for answering the event these messages answer (see EventReply). */
  deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], answered?: { token: string; display: string }, reply?: EventReply): Promise<void>;
  /** The chat id of a private chat with this user, for a message they did not ask for (a moderator's alert). */
  directChat?(userId: string): string;
  /**
   * Whether this user is still in the community (`community` is its id on the platform: a Telegram group, a Discord
   * server); undefined when the platform could not say.
   */
  isMember?(community: string, userId: string): Promise<boolean | undefined>;
  /** Shares what the sink remembers between messages with other processes (see SinkMemory). */
  useMemory?(memory: SinkMemory): void;
}

/**
 * What a platform sink remembers between messages: which message a timed exercise edits, which keyboard is live,
 * an interaction's reply token. Shared (Redis) when gateways and workers run apart, so a step sent by a worker edits
 * the message a gateway sent; in-process otherwise. Values are message ids, reply tokens and the text of the question
 * whose buttons are live (to show the answer under it); the Redis memory encrypts them.
 */
export interface SinkMemory {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Reads and deletes in one step: of several processes taking the same key, exactly one gets its value. */
  take<T>(key: string): Promise<T | undefined>;
}

/** Arms timers so that each comes back as a timer event at its due time (BullMQ in production). */
export interface TimerScheduler {
  schedule(conversationId: string, timers: readonly TimerRequest[]): Promise<void>;
  /** Best effort: a cancelled timer that fires anyway is ignored by the engine. */
  cancel(conversationId: string, timerIds: readonly string[]): Promise<void>;
}

/** One proactive delivery: messages Tether sends on its own (a scheduled check-in), not as a reply. */
export interface OutboxJob {
  readonly platform: string;
  readonly target: DeliveryTarget;
  readonly messages: readonly OutboundMessage[];
  /** Per person and occasion, e.g. "checkin:<scheduleId>:<iso>": the same key is sent once. */
  readonly key: string;
  /** A group chat (per-chat limits apply). */
  readonly group?: boolean;
}

/** A paced, deduplicating queue of proactive messages (src/delivery in production). */
export interface Outbox {
  enqueue(jobs: readonly OutboxJob[]): Promise<void>;
}

/**
 * Told what the runtime did, for counting (Prometheus in production, see src/ops/metrics.ts). Every argument is a
 * platform name, a flow id or a fixed place name: never who, never what was written.
 */
export interface RuntimeObserver {
  /** A person's event (a message, a command, a button) was handled. */
  inbound(platform: string): void;
  /**
   * A person's event was answered: its replies were handed to the platform's sink `seconds` after it arrived.
   * (Messages themselves are counted where they leave: see src/ops/counting-sink.ts.)
   */
  replied(platform: string, seconds: number): void;
  /** A flow reached its end (a check-in saved, an exercise finished). */
  flowCompleted(flowId: string): void;
  /** The crisis screen answered something a person wrote. */
  crisis(platform: string): void;
  /** Something failed on our side (`where` is a fixed name such as "dispatch"). */
  error(where: string): void;
}
