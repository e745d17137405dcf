import type { SinkMemory } from './sink-memory.js';
import type { OutboundMessage, TimerRequest } from '../engine/types.js';

/** Where a conversation's messages go: one per platform (terminal, Telegram, Discord). */
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
  /** Shares what the sink remembers between messages with other processes (see sink-memory.ts). */
  useMemory?(memory: SinkMemory): void;
}

/**
 * How the platform lets us answer one particular event (a Discord interaction's token, whose deferred "thinking…"
 * reply the first message replaces). Only that event's own reply carries it: a timed step sent at the same moment
 * cannot take another event's reply.
 */
export interface EventReply {
  readonly token: string;
}

export interface DeliveryTarget {
  readonly conversationId: string;
  readonly chatId: string;
  readonly userId: string;
}

/** Arms timers so that each comes back as a timer event at its due time (BullMQ in production). */
export interface TimerScheduler {
  schedule(conversationId: string, timers: readonly TimerRequest[]): Promise<void>;
  /** Best effort: a cancelled timer that fires anyway is ignored by the engine. */
  cancel(conversationId: string, timerIds: readonly string[]): Promise<void>;
}

/**
 * Thrown by a sink when the platform says this person cannot be reached any more (blocked the bot, closed DMs,
 * deleted account). The runtime stops their timed messages instead of retrying.
 */
export class RecipientUnreachableError extends Error {
  constructor(
    readonly platform: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${platform}: recipient unreachable (${reason})`, options);
    this.name = 'RecipientUnreachableError';
  }
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
