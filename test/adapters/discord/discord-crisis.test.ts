import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, buttonsOf, type EmulatedUser } from '../../emulators/discord/emulator.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../../helpers/environment.js';
import { UNSURE_EN, unsureScreen } from '../../helpers/unsure-screen.js';
import { startDiscordRig, type DiscordRig } from './discord-harness.js';

/*
 * Crisis help through the real discord.js client and the local emulator, with CRISIS_REGION=US: /sos in a server
 * channel, the gentle check and the Spanish reply in DMs.
 */

let env: TestEnvironment;
let rig: DiscordRig;
let nextUser = 1;
const person = (name: string): EmulatedUser => ({ id: String(1_750_000_000_000_000_000n + BigInt(nextUser++)), username: name });

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startDiscordRig({ ...env.config, CRISIS_REGION: 'US' }, { tether: { screens: [unsureScreen] } });
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

describe('crisis help on Discord', () => {
  it('answers /sos in a server channel in the channel, briefly and with nothing personal, and its button opens the rest privately', async () => {
    const kim = person('kim');
    rig.emulator.slashCommand(kim, 'sos');
    const answer = await rig.emulator.waitFor(kim, CHANNEL_ID, 'call 911');
    expect(answer.ephemeralFor).toBeUndefined();
    expect(answer.content).toContain('If you or someone with you is in danger right now, call 911.');
    expect(answer.content).toContain('findahelpline.com');
    expect(answer.content).not.toContain('kim');
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(['Talk privately']);
    rig.emulator.pressButton(kim, answer, 'Talk privately');
    const dm = rig.emulator.dmChannelOf(kim);
    await rig.emulator.waitFor(kim, dm, 'in danger right now?');
    // The channel saw only the brief answer; the rest is in the DM.
    expect(rig.emulator.publicIn(CHANNEL_ID).map((m) => m.content).join('\n')).not.toContain('in danger right now?');
  });

  it('asks gently when unsure, with the number in the message; "talk to someone" gives the lines and the way to reach people', async () => {
    const lee = person('lee');
    const dm = rig.emulator.dmChannelOf(lee);
    rig.emulator.dm(lee, UNSURE_EN);
    const ask = await rig.emulator.waitFor(lee, dm, 'Are you safe right now?');
    expect(ask.content).toContain('please call **911**');
    expect(buttonsOf(ask).map((b) => b.label)).toEqual(["Yes, I'm safe", "No, I'm not", "I'd like to talk to someone"]);
    rig.emulator.pressButton(lee, ask, "I'd like to talk to someone");
    await rig.emulator.waitFor(lee, dm, '988 Suicide & Crisis Lifeline');
    const who = await rig.emulator.waitFor(lee, dm, '/supporters keeps the people you trust');
    rig.emulator.pressButton(lee, who, 'Not right now');
    await rig.emulator.waitFor(lee, dm, "I'm still here");
  });

  it('"I\'m not safe" gives the full crisis reply, and "it was a misunderstanding" goes back to the check-in', async () => {
    const mo = person('mo');
    const dm = rig.emulator.dmChannelOf(mo);
    rig.emulator.slashCommand(mo, 'checkin', { dm: true });
    rig.emulator.pressButton(mo, await rig.emulator.waitFor(mo, dm, 'What I keep, and why'), 'I agree');
    await rig.emulator.waitFor(mo, dm, 'How are you doing overall');
    rig.emulator.dm(mo, UNSURE_EN);
    rig.emulator.pressButton(mo, await rig.emulator.waitFor(mo, dm, 'Are you safe right now?'), "No, I'm not");
    await rig.emulator.waitFor(mo, dm, "I'm really glad you told me");
    rig.emulator.pressButton(mo, await rig.emulator.waitFor(mo, dm, 'if you would like some company right now'), 'It was a misunderstanding');
    await rig.emulator.waitFor(mo, dm, 'sorry for jumping in');
    const asked = () => rig.emulator.visibleTo(mo, dm).filter((m) => m.content.includes('How are you doing overall')).length;
    await eventually(() => (asked() >= 2 ? true : undefined), 10_000, 'the first question asked again');
  });

  it('answers a Spanish message in Spanish, with the deployment\'s US lines described in Spanish', async () => {
    const ana = person('ana');
    const dm = rig.emulator.dmChannelOf(ana);
    rig.emulator.dm(ana, 'ya no quiero vivir');
    await rig.emulator.waitFor(ana, dm, 'Me alegra mucho que me lo hayas contado');
    const lines = await rig.emulator.waitFor(ana, dm, '988 Lifeline: llama o envía un mensaje de texto al 988');
    expect(lines.content).not.toContain('024');
  });
});
