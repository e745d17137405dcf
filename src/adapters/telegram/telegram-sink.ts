import { GrammyError, InputFile, type Api } from 'grammy';
import type { OutboundMessage } from '../../engine/types.js';
import { RecipientUnreachableError, type DeliveryTarget, type MessageSink } from '../../runtime/ports.js';
import { BoundedMap } from '../../lib/bounded-map.js';
import { escapeHtml, renderForTelegram, type TelegramMessage } from './render.js';
import { encodeDeepLink, splitChat } from './deep-links.js';

export const TELEGRAM = 'telegram';

const unreachable = [/bot was blocked by the user/i, /user is deactivated/i, /chat not found/i, /bot was kicked/i, /not enough rights to send/i];

/**
 * Outbound: neutral messages → Bot API calls. Keeps, per chat, which message holds each slot (so a timed exercise
 * edits one message) and which message holds the live keyboard (so an answered keyboard is closed and shows the
 * answer, and cannot be pressed twice).
 */
export class TelegramSink implements MessageSink {
  readonly platform = TELEGRAM;
  private readonly slots = new BoundedMap<string, number>(50_000);
  private readonly keyboards = new BoundedMap<string, { messageId: number; html: string }>(50_000);

  /** The bot's username, once known: group check-in posts link to the private chat with it. */
  username: string | undefined;

  constructor(private readonly api: Api) {}

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], answered?: { token: string; display: string }): Promise<void> {
    const chatId = target.chatId;
    try {
      if (answered) await this.closeKeyboard(chatId, `\n\n✓ <b>${escapeHtml(answered.display)}</b>`);
      for (const message of messages) await this.send(chatId, message);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /** Removes the buttons of a message pressed after its question had moved on. */
  async closeStaleKeyboard(chatId: string, messageId: number): Promise<void> {
    await this.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch(ignoreUnmodified);
    if (this.keyboards.get(chatId)?.messageId === messageId) this.keyboards.delete(chatId);
  }

  private async send(chatId: string, message: OutboundMessage): Promise<void> {
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
    const slotKey = message.slot !== undefined ? `${chatId}|${message.slot}` : undefined;
    const slotted = slotKey !== undefined && message.replace ? this.slots.get(slotKey) : undefined;
    if (rendered.keyboard) await this.closeKeyboard(chatId, '');
    if (slotted !== undefined && (await this.edit(chatId, slotted, rendered))) return this.remember(chatId, slotted, rendered, slotKey);
    const sent = await this.api.sendMessage(chat, rendered.html, {
      ...(topic !== undefined ? { message_thread_id: topic } : {}),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
    });
    this.remember(chatId, sent.message_id, rendered, slotKey);
  }

  private remember(chatId: string, messageId: number, rendered: TelegramMessage, slotKey: string | undefined): void {
    if (slotKey !== undefined) this.slots.set(slotKey, messageId);
    if (rendered.keyboard) this.keyboards.set(chatId, { messageId, html: rendered.html });
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
    const open = this.keyboards.get(chatId);
    if (!open) return;
    this.keyboards.delete(chatId);
    await this.api
      .editMessageText(splitChat(chatId).chat, open.messageId, open.html + suffix, { parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } })
      .catch(ignoreUnmodified);
  }
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
