import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tether } from '../../src/app.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { startDiscordRig, type DiscordRig } from '../adapters/discord/discord-harness.js';
import { startTelegramRig, type TelegramRig } from '../adapters/telegram/telegram-harness.js';

/*
 * The /trends chart leaves as a picture on Telegram (sendPhoto) and as an attachment on Discord; and one person links
 * their Telegram and Discord identities. Both rigs share one database, as two processes of one deployment would.
 */

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

/** A few check-ins over the last days, written straight to the database for someone who has agreed. */
async function seedCheckIns(tether: Tether, platform: string, userId: string): Promise<void> {
  const identity = await tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId: userId } } });
  const base = { personId: identity.personId, platform, stress: 3, emotion: 'calm', need: 'rest', response: 'note' };
  await tether.db.checkIn.createMany({
    data: [5, 4, 3, 2, 1].map((d, i) => ({ ...base, mood: 2 + (i % 3), craving: 6 - i, sleepHours: 6 + (i % 2), createdAt: new Date(Date.now() - d * 86_400_000) })),
  });
}

describe('the trends chart on each platform', () => {
  it('Telegram: a photo with the summary as its caption', async () => {
    const user = telegram.emulator.privateChat(6101);
    await user.send('/trends');
    const consent = await user.waitFor('What I keep, and why');
    await user.press('I agree', consent);
    await eventually(() => (telegram.emulator.callsOf('sendPhoto').length > 0 || user.messages().some((m) => m.text.includes('No check-ins')) ? true : undefined), 10_000, 'the first /trends');
    await seedCheckIns(telegram.tether, 'telegram', '6101');
    await user.send('/trends');
    const call = await telegram.emulator.waitForCall((c) => c.method === 'sendPhoto');
    expect(String(call.payload.chat_id)).toBe('6101');
    expect(call.status).toBe(200);
  });

  it('Discord: a PNG attachment in the DM', async () => {
    const user = { id: '1900000000000000001', username: 'trender' };
    const dm = discord.emulator.dmChannelOf(user);
    discord.emulator.slashCommand(user, 'trends', { dm: true });
    discord.emulator.pressButton(user, await discord.emulator.waitFor(user, dm, 'What I keep, and why'), 'I agree');
    await discord.emulator.waitFor(user, dm, 'No check-ins in the last 30 days');
    await seedCheckIns(discord.tether, 'discord', user.id);
    discord.emulator.slashCommand(user, 'trends', { dm: true });
    const upload = await discord.emulator.waitForCall((c) => c.raw.includes('tether-trends.png'));
    expect(upload.raw).toContain('image/png');
    expect(upload.raw).toContain('PNG');
  });

  it('links a Telegram and a Discord identity with a one-time code, end to end', async () => {
    const tg = telegram.emulator.privateChat(6301);
    await tg.send('/link');
    await tg.press('I agree', await tg.waitFor('What I keep, and why'));
    await tg.press('Give me a code for the other one', await tg.waitFor('Which side is this?'));
    const shown = await tg.waitFor('Your one-time code');
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(shown.text)![1]!;

    const user = { id: '1900000000000000002', username: 'linker' };
    const dm = discord.emulator.dmChannelOf(user);
    discord.emulator.slashCommand(user, 'link', { dm: true });
    discord.emulator.pressButton(user, await discord.emulator.waitFor(user, dm, 'What I keep, and why'), 'I agree');
    discord.emulator.pressButton(user, await discord.emulator.waitFor(user, dm, 'Which side is this?'), 'I have a code from the other one');
    await discord.emulator.waitFor(user, dm, 'Type the code');
    discord.emulator.dm(user, code);
    await discord.emulator.waitFor(user, dm, 'Linked.');
    const a = await telegram.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'telegram', externalId: '6301' } } });
    const b = await telegram.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'discord', externalId: user.id } } });
    expect(b.personId).toBe(a.personId);
  });
});
