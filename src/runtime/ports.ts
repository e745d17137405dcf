import type { SinkMemory } from './sink-memory.js';
import type { OutboundMessage, TimerRequest } from '../engine/types.js';

/** Where a conversation's messages go: one per platform (terminal, Telegram, Discord). */
export interface MessageSink {
  readonly platform: string;
  deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], answered?: { token: string; display: string }): Promise<void>;
  /** The chat id of a private chat with this user, for a message they did not ask for (a moderator's alert). */
  directChat?(userId: string): string;
  /** Shares what the sink remembers between messages with other processes (see sink-memory.ts). */
  useMemory?(memory: SinkMemory): void;
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
