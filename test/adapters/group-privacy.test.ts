import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInRegistry } from '../../src/features/registry.js';
import { CHANNEL_ID } from '../emulators/discord/emulator.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { startDiscordRig, type DiscordRig } from './discord/discord-harness.js';
import { startTelegramRig, type TelegramRig } from './telegram/telegram-harness.js';

/** Every command a person can send, with whatever they might type after it. */
const commands = [...[...builtInRegistry().byCommand.keys()].map((c) => `/${c}`), '/help', '/start', '/cancel'];

let env: TestEnvironment;
let telegram: TelegramRig;
let discord: DiscordRig;

beforeAll(async () => {
  env = await createTestEnvironment();
  [telegram, discord] = await Promise.all([startTelegramRig(env.config), startDiscordRig(env.config)]);
});
afterAll(async () => {
  await Promise.all([telegram?.stop(), discord?.stop()]);
  await env?.cleanup();
});

describe('nothing private is ever posted in a group', () => {
  it('Telegram: every command in a group gets only a pointer to the private chat, and no flow runs there', async () => {
    const member = telegram.emulator.inGroup(4001, -7001);
    for (const command of commands) {
      const before = member.messages().length;
      await member.send(command);
      await eventually(() => (member.messages().length > before ? true : undefined), 10_000, `a reply to ${command}`);
    }
    // Free text in a group, however personal or alarming, is not read at all.
    await member.send('i want to end it all tonight');
    await new Promise((r) => setTimeout(r, 300));
    const posted = member.messages();
    expect(posted).toHaveLength(commands.length);
    for (const m of posted) {
      // A pointer to the private chat, or (for /setup, from someone who is not an administrator) a polite no, or
      // for /sos the brief answer anyone may read: the emergency number, an international line, the way to a private chat.
      expect(m.text).toMatch(/private chat|Only this community's moderators|talk to me privately/);
      expect(m.text).not.toMatch(/Test|user4001/);
      expect(m.keyboard.flat().every((b) => 'url' in b && String(b.url).startsWith('https://t.me/'))).toBe(true);
    }
    expect(await telegram.tether.db.conversation.count({ where: { chatId: '-7001' } })).toBe(0);
  });

  it('Discord: every slash command in a server channel leaves nothing anyone else can see', async () => {
    const member = { id: '1950000000000000001', username: 'member' };
    discord.emulator.closeDms(member); // the harder case: everything has to stay in ephemeral replies
    for (const command of commands.map((c) => c.slice(1)).map((c) => (c === 'start' ? 'about' : c))) {
      const interaction = discord.emulator.slashCommand(member, command);
      await discord.emulator.waitForCall((c) => c.path.includes(`/interactions/${interaction.id}/`));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(discord.emulator.visibleTo(member, CHANNEL_ID).length).toBeGreaterThan(commands.length);
    // Only /sos answers in the channel, and only with what anyone may read: the emergency number, an international
    // line and a button to continue privately. Nothing about the member.
    const sos = "**If you or someone with you is in danger right now, call your local emergency number (112 works in many countries).**";
    const firstLines = () => discord.emulator.publicIn(CHANNEL_ID).map((m) => m.content.split('\n')[0]);
    await eventually(() => (firstLines()[0] === sos ? true : undefined), 10_000, () => `the /sos answer in the channel: ${JSON.stringify(firstLines())}`);
    expect(firstLines()).toEqual([sos]);
    expect(discord.emulator.publicIn(CHANNEL_ID)[0]!.content).not.toContain('member');
    const someoneElse = { id: '1950000000000000002', username: 'other' };
    expect(discord.emulator.visibleTo(someoneElse, CHANNEL_ID)).toEqual(discord.emulator.publicIn(CHANNEL_ID));
  });
});
