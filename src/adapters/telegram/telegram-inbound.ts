import { Composer, type Context } from 'grammy';
import { copy } from '../../engine/copy.js';
import type { InboundEvent } from '../../core/messages.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import type { Logger } from '../../runtime/logger.js';
import type { ConversationKey } from '../../core/address.js';
import { textToEvent } from '../shared/inbound-text.js';
import { decodeCallback } from './callback-data.js';
import { richTextToHtml } from './render.js';
import { TELEGRAM, type TelegramSink } from './telegram-sink.js';
import { decodeDeepLink, encodeDeepLink, type DeepLink } from './deep-links.js';
import { isModerator } from './moderators.js';
import { communityKey } from '../../core/address.js';
import { GROUP_CHECKIN_COMMAND } from '../../community/group-flow.js';
import { groupMember } from '../../runtime/group-member.js';

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
    const event = textToEvent(ctx.message.text, ctx.me.username);
    const link = event.type === 'command' && event.name === 'start' ? decodeDeepLink(event.args?.trim() ?? '') : undefined;
    if (link) return openDeepLink(ctx, link);
    if (event.type === 'command' && event.name === 'setup') {
      await ctx.reply(richTextToHtml(copy.setupInGroupOnly), { parse_mode: 'HTML' });
      return;
    }
    await runtime.dispatch({ key: keyOf(ctx) }, event, dedup(ctx));
  });

  /** A moderator's settings, or a group check-in answered privately: rights and membership are checked with Telegram first. */
  async function openDeepLink(ctx: Context, link: DeepLink): Promise<void> {
    const status = await memberStatus(ctx, link.chatId, ctx.from!.id);
    const community = communityKey(TELEGRAM, link.chatId);
    if (link.kind === 'setup') {
      if (!isModerator(status)) {
        await ctx.reply(richTextToHtml(copy.notModerator), { parse_mode: 'HTML' });
        return;
      }
      const scope = { community, moderator: true, channel: link.topic !== undefined ? `${link.chatId}/${link.topic}` : link.chatId };
      await runtime.dispatch({ key: keyOf(ctx) }, { type: 'command', name: 'setup', scope }, dedup(ctx));
      return;
    }
    if (status === undefined || status === 'left' || status === 'kicked') {
      await ctx.reply(richTextToHtml(copy.notAMember), { parse_mode: 'HTML' });
      return;
    }
    await runtime.dispatch({ key: keyOf(ctx) }, { type: 'command', name: GROUP_CHECKIN_COMMAND, scope: await runtime.scopeFor(community, { occasion: link.occasion, channel: link.chatId }) }, dedup(ctx));
  }

  async function memberStatus(ctx: Context, chatId: string, userId: number): Promise<string | undefined> {
    try {
      return (await ctx.api.getChatMember(chatId, userId)).status;
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'telegram: could not check a member of a group');
      return undefined;
    }
  }

  privateChat.on('message:caption', async (ctx) => {
    // A photo or file with words: the words are text like any other (the crisis screen reads them first); the
    // picture itself is not kept.
    await runtime.dispatch({ key: keyOf(ctx) }, { type: 'text', text: ctx.message.caption }, dedup(ctx));
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
    const reply = { parse_mode: 'HTML' as const, reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } };
    const chatId = String(ctx.chat.id);
    if (event.name === 'sos') {
      // Answered here, where it was asked, briefly and with nothing about anyone; the rest in a private chat.
      const help = await runtime.groupCrisisHelp(communityKey(TELEGRAM, chatId), ctx.from.language_code);
      await ctx.reply(richTextToHtml(help.text), {
        ...reply,
        reply_markup: { inline_keyboard: [[{ text: help.button, url: `https://t.me/${ctx.me.username}?start=sos` }]] },
      });
      return;
    }
    if (flow?.moderators) {
      const status = await memberStatus(ctx, chatId, ctx.from.id);
      if (!isModerator(status)) {
        await ctx.reply(richTextToHtml(copy.notModerator), reply);
        return;
      }
      // Run inside a topic of a forum group, group check-ins will be posted in that topic.
      const topic = ctx.message.is_topic_message ? ctx.message.message_thread_id : undefined;
      const url = `https://t.me/${ctx.me.username}?start=${encodeDeepLink({ kind: 'setup', chatId, ...(topic !== undefined ? { topic } : {}) })}`;
      await ctx.reply(richTextToHtml(copy.setupInPrivate), { ...reply, reply_markup: { inline_keyboard: [[{ text: copy.setupButton, url }]] } });
      return;
    }
    if (event.name === 'breathe' && (await groupBreathingAllowed(chatId))) {
      // One shared exercise in the group, one message that changes; the rhythm is chosen in the command or is the slow one.
      const rhythm = /box/i.test(event.args ?? '') ? 'box' : 'paced';
      await runtime.dispatch({ key: { platform: TELEGRAM, chatId, userId: groupMember(chatId) } }, { type: 'command', name: 'breathe', args: rhythm }, dedup(ctx));
      return;
    }
    const firstTime = !(await runtime.knows(TELEGRAM, String(ctx.from.id)));
    const payload = flow?.command ?? 'help';
    await ctx.reply(richTextToHtml(copy.groupPointer(flow?.title, firstTime)), {
      ...reply,
      reply_markup: { inline_keyboard: [[{ text: copy.groupPointerButton, url: `https://t.me/${ctx.me.username}?start=${payload}` }]] },
    });
  });

  async function groupBreathingAllowed(chatId: string): Promise<boolean> {
    const settings = await runtime.communitySettings(communityKey(TELEGRAM, chatId));
    return Boolean(settings?.groupBreathing && settings.exercises.includes('breathe'));
  }

  inbound.on('my_chat_member', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'kicked') await runtime.markUnreachable(keyOf(ctx));
  });

  return inbound;
}
