import type { Bot, Context } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import { CLOSING, PEER_SIZES, command, scaleQuestion, textQuestion } from './peer-flows.js';

type BotContext = ConversationFlavor<Context>;

/**
 * The check-in of bench/peer-flows.ts written with @grammyjs/conversations, as its documentation shows: one
 * conversation function per size, entered by `/bench<steps>`. Used over HTTP and Postgres (peer-bot-child.ts) and
 * in-process (peer-in-process.ts).
 */
export async function installPluginCheckIns(bot: Bot<BotContext>, storage?: Parameters<typeof import('@grammyjs/conversations').conversations>[0]): Promise<void> {
  const { conversations, createConversation } = await import('@grammyjs/conversations');
  type Conversation = import('@grammyjs/conversations').Conversation<BotContext, Context>;
  bot.use(conversations(storage));
  for (const steps of PEER_SIZES) {
    async function checkIn(conversation: Conversation, ctx: Context): Promise<void> {
      const answers: (number | string)[] = [];
      for (let i = 0; i < steps; i++) {
        if (i % 2 === 0) {
          await ctx.reply(scaleQuestion(i + 1, steps), { reply_markup: { inline_keyboard: [[1, 2, 3, 4, 5].map((n) => ({ text: String(n), callback_data: `s:${n}` }))] } });
          for (;;) {
            const answer = await conversation.waitFor('message:text');
            const value = Number(answer.message.text);
            if (Number.isInteger(value) && value >= 1 && value <= 5) {
              answers.push(value);
              break;
            }
            await answer.reply('A number from 1 to 5, please.');
          }
        } else {
          await ctx.reply(textQuestion(i + 1, steps));
          const answer = await conversation.waitFor('message:text');
          answers.push(answer.message.text.slice(0, 500));
        }
      }
      await ctx.reply(CLOSING);
    }
    bot.use(createConversation(checkIn, command(steps)));
    bot.command(command(steps), (ctx) => ctx.conversation.enter(command(steps)));
  }
}
