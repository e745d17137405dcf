import type { InlineKeyboardMarkup } from 'grammy/types';
import { startTelegramRig } from '../adapters/telegram/telegram-harness.js';
import type { TelegramUser } from '../emulators/telegram.js';
import { createTestEnvironment } from '../helpers/environment.js';
import { adapterContract, multipartFile, registerUserId, type ContractDriver } from './contract.js';

/** Telegram as the contract sees it: a private chat in the emulator, buttons pressed as callback queries. */
adapterContract('telegram', { buttons: true }, async (): Promise<ContractDriver> => {
  const env = await createTestEnvironment();
  const rig = await startTelegramRig(env.config);
  const users = new Map<string, TelegramUser>();
  let nextId = 7000;
  const driver: ContractDriver = {
    platform: 'telegram',
    db: rig.tether.db,
    store: rig.tether.store,
    async say(user, text) {
      await userFor(user).send(text);
    },
    async choose(user, label) {
      await userFor(user).press(label);
    },
    async chooseStale(user, questionText, label) {
      const u = userFor(user);
      // The keyboard as it was first sent: its buttons are what an old client would still show.
      const sent = rig.emulator
        .callsOf('sendMessage')
        .find((c) => String(c.payload.chat_id) === String(u.chatId) && String(c.payload.text).includes(questionText))!;
      const messageId = (sent.body as { result: { message_id: number } }).result.message_id;
      const keyboard = (sent.payload.reply_markup as InlineKeyboardMarkup).inline_keyboard;
      const message = u.messages().find((m) => m.messageId === messageId)!;
      await u.press(label, { ...message, keyboard });
    },
    async files(user) {
      const u = userFor(user);
      return rig.emulator
        .callsOf('sendDocument')
        .filter((c) => String(c.payload.chat_id) === String(u.chatId))
        .map((c) => multipartFile(String(c.payload.raw)));
    },
    async transcript(user) {
      return userFor(user).messages().map((m) => m.text);
    },
    async close() {
      await rig.stop();
      await env.cleanup();
    },
  };
  function userFor(name: string): TelegramUser {
    let u = users.get(name);
    if (!u) {
      u = rig.emulator.privateChat(nextId++);
      users.set(name, u);
      registerUserId(driver, name, String(u.userId));
    }
    return u;
  }
  return driver;
});
