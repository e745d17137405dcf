import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, Routes, escapeMarkdown, type REST } from 'discord.js';
import type { OutboundMessage } from '../../core/messages.js';
import { RecipientUnreachableError } from '../../core/errors.js';
import type { DeliveryTarget, EventReply, MessageSink } from '../../core/ports.js';
import { LocalSinkMemory } from '../shared/local-sink-memory.js';
import { MessageSlots } from '../shared/message-slots.js';
import type { SinkMemory } from '../../core/ports.js';
import { renderForDiscord, type DiscordMessage } from './render.js';

export const DISCORD = 'discord';

/** Where a message Tether sent lives, so it can be edited later. */
type Location = { readonly kind: 'channel'; readonly channelId: string; readonly messageId: string } | { readonly kind: 'webhook'; readonly token: string; readonly messageId: string };

/** The interaction a chat is answering right now (or last): replies and ephemeral messages go through its token. */
interface InteractionContext {
  readonly token: string;
  readonly at: number;
  readonly ephemeral: boolean;
}

/** Interaction tokens work for 15 minutes; past that, an ephemeral conversation can no longer be reached. */
const TOKEN_LIFETIME_MS = 14.5 * 60_000;
/** How long a message's place is remembered for editing it (a timed exercise) or closing its buttons. */
const REMEMBER_MS = 48 * 3_600_000;
const unreachableCodes = new Set<number>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.InvalidWebhookToken,
  RESTJSONErrorCodes.UnknownInteraction,
]);

/**
 * Chat ids: a DM channel, a person's ephemeral conversation in a server (when their DMs are closed), or a server
 * channel (group check-in posts, a shared breathing exercise).
 */
export const dmChat = (channelId: string) => `dm:${channelId}`;
export const channelChat = (channelId: string) => `ch:${channelId}`;
export const ephemeralChat = (guildId: string, userId: string) => `eph:${guildId}:${userId}`;

/**
 * Outbound: neutral messages → Discord REST calls. Every message sets `allowed_mentions` to nothing, so no text
 * anyone typed can ping a person, a role or @everyone. Timed exercises edit one message per slot; an answered
 * message loses its buttons and shows the answer.
 */
export class DiscordSink implements MessageSink {
  readonly platform = DISCORD;
  private memory: SinkMemory = new LocalSinkMemory();
  private readonly slots = new MessageSlots<Location, LiveMessage>(() => this.memory, { slot: 'dc:slot', live: 'dc:live' }, REMEMBER_MS);

  constructor(
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly clock: () => number = Date.now,
  ) {}

  useMemory(memory: SinkMemory): void {
    this.memory = memory;
  }

  async isMember(guildId: string, userId: string): Promise<boolean | undefined> {
    try {
      await this.rest.get(Routes.guildMember(guildId, userId));
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownMember || error.code === RESTJSONErrorCodes.UnknownUser)) return false;
      return undefined;
    }
  }

  /** A moderator's DM, opened when the first message goes there. */
  directChat(userId: string): string {
    return `user:${userId}`;
  }

  /** Called by the inbound side after deferring an interaction, before the engine answers it. */
  async bindInteraction(chatId: string, token: string, options: { placeholder: boolean; ephemeral: boolean }): Promise<void> {
    await this.memory.set(contextKey(chatId), { token, at: this.clock(), ephemeral: options.ephemeral } satisfies InteractionContext, TOKEN_LIFETIME_MS);
    // The deferred "thinking…" reply waits under a key of its own, taken by exactly one message (whichever process).
    if (options.placeholder) await this.memory.set(placeholderKey(token), true, TOKEN_LIFETIME_MS);
  }

  /**
   * After an event was handled: if no message took its deferred "thinking…" reply (the event was a duplicate, or
   * failed and the apology went as a message of its own), removes it, so nobody is left looking at it. Returns
   * whether there was one to remove.
   */
  async releasePlaceholder(token: string): Promise<boolean> {
    if (!(await this.memory.take<boolean>(placeholderKey(token)))) return false;
    await this.rest.delete(Routes.webhookMessage(this.applicationId, token, '@original')).catch(() => undefined);
    return true;
  }

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], answered?: { token: string; display: string }, reply?: EventReply): Promise<void> {
    try {
      if (answered) await this.closeLive(target.chatId, `\n✓ **${escapeMarkdown(answered.display)}**`);
      for (const message of messages) await this.send(target.chatId, message, reply);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /** Removes the components of a message whose question has moved on (a stale press). */
  async closeComponents(chatId: string, location: { channelId: string; messageId: string } | { token: string }): Promise<void> {
    const route = 'token' in location ? Routes.webhookMessage(this.applicationId, location.token, '@original') : Routes.channelMessage(location.channelId, location.messageId);
    await this.rest.patch(route, { body: { components: [] } }).catch(() => undefined);
    await this.slots.forgetLive(chatId);
  }

  private async send(chatId: string, message: OutboundMessage, reply: EventReply | undefined): Promise<void> {
    const ephemeral = chatId.startsWith('eph:');
    const rendered = renderForDiscord(message, ephemeral ? 'modal' : 'message');
    if (rendered.components.length) await this.closeLive(chatId, '');
    const slotted = await this.slots.replaced(chatId, message);
    let location: Location | undefined;
    if (slotted && (await this.edit(slotted, rendered))) location = slotted;
    location ??= await this.post(chatId, rendered, message.file, reply);
    await this.slots.sent(chatId, message, location, rendered.components.length ? { location, content: rendered.content } : undefined);
  }

  private async post(chatId: string, rendered: DiscordMessage, file: OutboundMessage['file'] | undefined, reply: EventReply | undefined): Promise<Location> {
    const body = { content: rendered.content, components: rendered.components, allowed_mentions: { parse: [] } };
    const files = file ? { files: [{ name: file.name, data: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content), contentType: file.mime }] } : {};
    // The deferred "thinking…" reply belongs to its event: only that event's reply replaces it, and only once (a timed
    // step sent at the same moment, here or in a worker, cannot take it).
    if (reply && (await this.memory.take<boolean>(placeholderKey(reply.token)))) {
      const msg = (await this.rest.patch(Routes.webhookMessage(this.applicationId, reply.token, '@original'), { body, ...files })) as { id: string };
      return { kind: 'webhook', token: reply.token, messageId: msg.id ?? '@original' };
    }
    const context = await this.memory.get<InteractionContext>(contextKey(chatId));
    if (context && this.clock() - context.at < TOKEN_LIFETIME_MS) {
      if (context.ephemeral) {
        const msg = (await this.rest.post(Routes.webhook(this.applicationId, context.token), {
          body: { ...body, flags: MessageFlags.Ephemeral },
          ...files,
          query: new URLSearchParams({ wait: 'true' }),
          auth: false,
        })) as { id: string };
        return { kind: 'webhook', token: context.token, messageId: msg.id };
      }
    }
    if (chatId.startsWith('user:')) {
      const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: chatId.slice(5) } })) as { id: string };
      const msg = (await this.rest.post(Routes.channelMessages(channel.id), { body, ...files })) as { id: string };
      return { kind: 'channel', channelId: channel.id, messageId: msg.id };
    }
    if (chatId.startsWith('dm:') || chatId.startsWith('ch:')) {
      const channelId = chatId.slice(3);
      const msg = (await this.rest.post(Routes.channelMessages(channelId), { body, ...files })) as { id: string };
      return { kind: 'channel', channelId, messageId: msg.id };
    }
    // An ephemeral conversation whose interaction expired: there is no way to reach the person there any more.
    throw new RecipientUnreachableError(DISCORD, 'the interaction expired and their DMs are closed');
  }

  private async edit(location: Location, rendered: DiscordMessage): Promise<boolean> {
    const body = { content: rendered.content, components: rendered.components, allowed_mentions: { parse: [] } };
    try {
      await this.rest.patch(this.routeOf(location), { body, ...(location.kind === 'webhook' ? { auth: false } : {}) });
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownMessage || error.status === 404)) return false;
      throw error;
    }
  }

  private async closeLive(chatId: string, suffix: string): Promise<void> {
    const live = await this.slots.takeLive(chatId);
    if (!live) return;
    await this.rest
      .patch(this.routeOf(live.location), {
        body: { content: (live.content + suffix).slice(0, 2000), components: [], allowed_mentions: { parse: [] } },
        ...(live.location.kind === 'webhook' ? { auth: false } : {}),
      })
      .catch(() => undefined);
  }

  private routeOf(location: Location): `/${string}` {
    return location.kind === 'channel'
      ? Routes.channelMessage(location.channelId, location.messageId)
      : Routes.webhookMessage(this.applicationId, location.token, location.messageId);
  }
}

/** The message whose buttons are live in a chat, and its text (to show the answer under it once pressed). */
interface LiveMessage {
  readonly location: Location;
  readonly content: string;
}

const contextKey = (chatId: string) => `dc:interaction:${chatId}`;
const placeholderKey = (interactionToken: string) => `dc:placeholder:${interactionToken}`;

function toDeliveryError(error: unknown): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number' && unreachableCodes.has(error.code)) {
    return new RecipientUnreachableError(DISCORD, error.message, { cause: error });
  }
  return error;
}
