import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { OutboundMessage, PromptInput, RichText } from '../../core/messages.js';
import { encodeCallback } from './callback-data.js';

/** A message as the Bot API takes it: HTML text (parse_mode HTML) and an optional inline keyboard. */
export interface TelegramMessage {
  readonly html: string;
  readonly keyboard?: InlineKeyboardMarkup;
}

/** Escapes text for Telegram's HTML parse mode: whatever a person typed is shown, never interpreted. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function richTextToHtml(text: RichText): string {
  return text
    .map((span) => {
      const t = escapeHtml(span.text);
      if (span.mention?.kind === 'user' && /^\d+$/.test(span.mention.id)) return `<a href="tg://user?id=${span.mention.id}">${t}</a>`;
      if (span.bold) return `<b>${t}</b>`;
      if (span.italic) return `<i>${t}</i>`;
      return t;
    })
    .join('');
}

/** `inviteLink` turns a group check-in post's invite into the deep link that opens the private check-in. */
export function renderForTelegram(message: OutboundMessage, inviteLink?: (occasion: string) => string): TelegramMessage {
  const html = richTextToHtml(message.text) + (message.input ? hint(message.input) : '');
  const keyboard = message.input
    ? keyboardFor(message.input)
    : message.invite && inviteLink
      ? { inline_keyboard: [[{ text: message.invite.label, url: inviteLink(message.invite.occasion) }]] }
      : undefined;
  return keyboard ? { html, keyboard } : { html };
}

function hint(input: PromptInput): string {
  switch (input.kind) {
    case 'scale':
      return `\n<i>${input.min} = ${escapeHtml(input.minLabel)} … ${input.max} = ${escapeHtml(input.maxLabel)}</i>`;
    case 'number':
      return `\n<i>Type a number from ${input.min} to ${input.max}.</i>`;
    default:
      return '';
  }
}

function keyboardFor(input: PromptInput): InlineKeyboardMarkup | undefined {
  const button = (text: string, value: string): InlineKeyboardButton => ({ text, callback_data: encodeCallback(input.token, value) });
  switch (input.kind) {
    case 'choice': {
      // Short labels two to a row, long ones alone, so every label stays readable on a phone.
      const rows: InlineKeyboardButton[][] = [];
      for (const o of input.options) {
        const last = rows.at(-1);
        if (o.label.length <= 14 && last && last.length === 1 && (last[0]!.text.length <= 14)) last.push(button(o.label, o.id));
        else rows.push([button(o.label, o.id)]);
      }
      return { inline_keyboard: rows };
    }
    case 'scale': {
      const values = Array.from({ length: input.max - input.min + 1 }, (_, i) => input.min + i);
      const perRow = values.length > 6 ? Math.ceil(values.length / 2) : values.length;
      const rows: InlineKeyboardButton[][] = [];
      for (let i = 0; i < values.length; i += perRow) rows.push(values.slice(i, i + perRow).map((v) => button(String(v), String(v))));
      return { inline_keyboard: rows };
    }
    case 'number':
    case 'text':
      return input.skip ? { inline_keyboard: [[button(input.skip, 'skip')]] } : undefined;
  }
}
