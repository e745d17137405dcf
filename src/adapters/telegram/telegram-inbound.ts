import { Composer, type Context } from 'grammy';
import { copy } from '../../engine/copy.js';
import type { InboundEvent } from '../../engine/types.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import type { Logger } from '../../runtime/logger.js';
import type { ConversationKey } from '../../store/conversation-store.js';
import { textToEvent } from '../shared/inbound-text.js';
import { decodeCallback } from './callback-data.js';
import { richTextToHtml } from './render.js';
import { TELEGRAM, type TelegramSink } from './telegram-sink.js';

/**
 * Inbound: Telegram updates → the engine's events. Private chats run flows; groups only ever get a pointer to the
 * private chat, so nothing anyone answers is posted where others can read it.
 */
export function telegramInbound(runtime: ConversationRuntime, sink: TelegramSink, log: Logger): Composer<Context> {
  const inbound = new Composer<Context>();
  const keyOf = (ctx: Context): ConversationKey => ({ platform: TELEGRAM, chatId: String(ctx.chat!.id), userId: String(ctx.from!.id) });
  const dedup = (ctx: Context) => ({
    dedupKey: `${TELEGRAM}:${ctx.me.id}:${ctx.update.update_id}`,
    ...(ctx.from?.language_code ? { locale: ctx.from.language_code } : {}),
  });

  const privateChat = inbound.chatType('private');
  const groups = inbound.chatType(['group', 'supergroup']);

  privateChat.on('message:text', async (ctx) => {
    await runtime.dispatch({ key: keyOf(ctx) }, textToEvent(ctx.message.text, ctx.me.username), dedup(ctx));
  });

  privateChat.on('message', async (ctx) => {
    // Stickers, photos, voice: we cannot read them yet, and say so kindly.
    await ctx.reply(richTextToHtml(copy.textOnly), { parse_mode: 'HTML' });
  });

  inbound.on('callback_query:data', async (ctx) => {
    // Acknowledge at once so the button stops spinning; the answer itself follows as messages.
    await ctx.answerCallbackQuery().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'answerCallbackQuery failed'));
    const decoded = decodeCallback(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!decoded || !message || ctx.chat?.type !== 'private') return;
    const event: InboundEvent = { type: 'choice', token: decoded.token, value: decoded.value };
    const outcome = await runtime.dispatch({ key: keyOf(ctx) }, event, dedup(ctx));
    if (outcome.kind === 'handled' && !outcome.transition.answered) {
      // A stale or repeated press: close that keyboard so it cannot be pressed again.
      await sink.closeStaleKeyboard(String(message.chat.id), message.message_id);
    }
  });

  groups.on('message:text', async (ctx) => {
    const event = textToEvent(ctx.message.text, ctx.me.username);
    if (event.type !== 'command') return; // Tether does not read along in groups
    const flow = runtime.registry.byCommand.get(event.name);
    if (!flow && !['start', 'help', 'cancel'].includes(event.name)) return; // a command for another bot
    const firstTime = !(await runtime.knows(TELEGRAM, String(ctx.from.id)));
    const payload = flow?.command ?? 'help';
    await ctx.reply(richTextToHtml(copy.groupPointer(flow?.title, firstTime)), {
      parse_mode: 'HTML',
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      reply_markup: { inline_keyboard: [[{ text: copy.groupPointerButton, url: `https://t.me/${ctx.me.username}?start=${payload}` }]] },
    });
  });

  inbound.on('my_chat_member', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'kicked') await runtime.markUnreachable(keyOf(ctx));
  });

  return inbound;
}
