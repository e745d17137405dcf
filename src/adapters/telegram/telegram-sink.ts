import { GrammyError, InputFile, type Api } from 'grammy';
import type { OutboundMessage } from '../../core/messages.js';
import { RecipientUnreachableError } from '../../core/errors.js';
import type { DeliveryTarget, MessageSink } from '../../core/ports.js';
import { LocalSinkMemory } from '../shared/local-sink-memory.js';
import { MessageSlots } from '../shared/message-slots.js';
import type { SinkMemory } from '../../core/ports.js';
import { escapeHtml, renderForTelegram, type TelegramMessage } from './render.js';
import { encodeDeepLink, splitChat } from './deep-links.js';

export const TELEGRAM = 'telegram';

/** Telegram lets a bot edit its messages for 48 hours; after that, a slot or keyboard is not worth remembering. */
const EDITABLE_MS = 48 * 3_600_000;

const unreachable = [/bot was blocked by the user/i, /user is deactivated/i, /chat not found/i, /bot was kicked/i, /not enough rights to send/i];

/**
 * Outbound: neutral messages → Bot API calls. Keeps, per chat, which message holds each slot (so a timed exercise
 * edits one message) and which message holds the live keyboard (so an answered keyboard is closed and shows the
 * answer, and cannot be pressed twice).
 */
export class TelegramSink implements MessageSink {
  readonly platform = TELEGRAM;
  private memory: SinkMemory = new LocalSinkMemory();
  private readonly slots = new MessageSlots<number, OpenKeyboard>(() => this.memory, { slot: 'tg:slot', live: 'tg:keyboard' }, EDITABLE_MS);

  /** The bot's username, once known: group check-in posts link to the private chat with it. */
  username: string | undefined;

  constructor(private readonly api: Api) {}

  useMemory(memory: SinkMemory): void {
    this.memory = memory;
  }

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], answered?: { token: string; display: string }): Promise<void> {
    const chatId = target.chatId;
    // Whether this delivery already closed the chat's keyboard and sent none since: then a question with buttons
    // need not look for one to close again (a shared memory lookup saved per answer).
    const delivery = { keyboardClosed: false };
    try {
      if (answered) {
        await this.closeKeyboard(chatId, `\n\n✓ <b>${escapeHtml(answered.display)}</b>`);
        delivery.keyboardClosed = true;
      }
      for (const message of messages) await this.send(chatId, message, delivery);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async isMember(community: string, userId: string): Promise<boolean | undefined> {
    try {
      const { status } = await this.api.getChatMember(splitChat(community).chat, Number(userId));
      return status !== 'left' && status !== 'kicked';
    } catch {
      return undefined;
    }
  }

  /** Removes the buttons of a message pressed after its question had moved on. */
  async closeStaleKeyboard(chatId: string, messageId: number): Promise<void> {
    await this.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch(ignoreUnmodified);
    if ((await this.slots.getLive(chatId))?.messageId === messageId) await this.slots.forgetLive(chatId);
  }

  private async send(chatId: string, message: OutboundMessage, delivery: { keyboardClosed: boolean }): Promise<void> {
    const username = this.username;
    const { chat, topic } = splitChat(chatId);
    const rendered = renderForTelegram(message, username ? (occasion) => `https://t.me/${username}?start=${encodeDeepLink({ kind: 'group-checkin', chatId: chat, occasion })}` : undefined);
    if (message.file) {
      const { content, name, mime } = message.file;
      const file = new InputFile(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content), name);
      // A picture shows in the chat; anything else is a file to download.
      if (mime.startsWith('image/')) await this.api.sendPhoto(chat, file, { caption: rendered.html, parse_mode: 'HTML' });
      else await this.api.sendDocument(chat, file, { caption: rendered.html, parse_mode: 'HTML' });
      return;
    }
    const slotted = await this.slots.replaced(chatId, message);
    if (rendered.keyboard && !delivery.keyboardClosed) await this.closeKeyboard(chatId, '');
    if (rendered.keyboard) delivery.keyboardClosed = false; // this message's buttons are the live ones now
    const live = (messageId: number) => (rendered.keyboard ? ({ messageId, html: rendered.html } satisfies OpenKeyboard) : undefined);
    if (slotted !== undefined && (await this.edit(chatId, slotted, rendered))) return this.slots.sent(chatId, message, slotted, live(slotted));
    const sent = await this.api.sendMessage(chat, rendered.html, {
      ...(topic !== undefined ? { message_thread_id: topic } : {}),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
    });
    await this.slots.sent(chatId, message, sent.message_id, live(sent.message_id));
  }

  /** Edits a message in place; false when it can no longer be edited (deleted, too old), so a new one is sent. */
  private async edit(chatId: string, messageId: number, rendered: TelegramMessage): Promise<boolean> {
    try {
      await this.api.editMessageText(splitChat(chatId).chat, messageId, rendered.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
      });
      return true;
    } catch (error) {
      if (error instanceof GrammyError && /not modified/i.test(error.description)) return true;
      if (error instanceof GrammyError && error.error_code === 400) return false;
      throw error;
    }
  }

  /** Closes the chat's live keyboard, appending `suffix` (the answer given) to its text. */
  private async closeKeyboard(chatId: string, suffix: string): Promise<void> {
    const open = await this.slots.takeLive(chatId);
    if (!open) return;
    await this.api
      .editMessageText(splitChat(chatId).chat, open.messageId, open.html + suffix, { parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } })
      .catch(ignoreUnmodified);
  }
}

/** The message whose buttons are live in a chat, and its text (to show the answer under it once pressed). */
interface OpenKeyboard {
  readonly messageId: number;
  readonly html: string;
}

function ignoreUnmodified(error: unknown): void {
  // The message is gone or already closed: nothing left to tidy.
  if (error instanceof GrammyError && error.error_code === 400) return;
  throw error;
}

function toDeliveryError(error: unknown): unknown {
  if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && unreachable.some((r) => r.test(error.description))))) {
    return new RecipientUnreachableError(TELEGRAM, error.description, { cause: error });
  }
  return error;
}
