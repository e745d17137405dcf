import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment } from '../../helpers/environment.js';
import { UNSURE_EN, unsureScreen } from '../../helpers/unsure-screen.js';
import type { TelegramUser } from '../../emulators/telegram.js';
import { startTelegramRig, type TelegramRig } from './telegram-harness.js';

/*
 * Crisis help through the real grammY client against the Bot API emulator, with CRISIS_REGION=US: the gentle check,
 * the reply in the app's language with the deployment's numbers, /sos in a group, and free text that arrives as
 * button data or as a caption. Real Postgres, Redis and BullMQ.
 */

let env: TestEnvironment;
let rig: TelegramRig;
let nextUser = 9100;

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig({ ...env.config, CRISIS_REGION: 'US' }, { tether: { screens: [unsureScreen] } });
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

/** A new person in a private chat, through consent to the check-in's free-text note. */
async function atNote(languageCode?: string): Promise<TelegramUser> {
  const u = rig.emulator.privateChat(nextUser++);
  u.languageCode = languageCode;
  await u.send('/checkin');
  await u.waitFor('What I keep, and why');
  for (const [label, next] of [['I agree', 'How are you doing overall'], ['2', 'How strong is any craving'], ['3', 'how many hours did you sleep']] as const) {
    await u.press(label);
    await u.waitFor(next);
  }
  await u.send('6');
  await u.waitFor('How much stress');
  for (const [label, next] of [['4', 'Which word comes closest'], ['Lonely', 'what do you need most'], ['To be heard', 'What would help most'], ['Just note it', "anything you'd like to add"]] as const) {
    await u.press(label);
    await u.waitFor(next);
  }
  return u;
}

async function checkInsOf(u: TelegramUser) {
  const identity = await rig.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'telegram', externalId: String(u.userId) } } });
  return rig.tether.store.checkInsOf(identity.personId);
}

describe('crisis help on Telegram', () => {
  it('asks gently when unsure, with the number in the message, and "I\'m safe" goes back with the note kept', async () => {
    const u = await atNote();
    await u.send(UNSURE_EN);
    const ask = await u.waitFor('Are you safe right now?');
    expect(ask.text).toContain('please call 911');
    expect(ask.keyboard.flat().map((b) => b.text)).toEqual(["Yes, I'm safe", "No, I'm not", "I'd like to talk to someone"]);
    await u.press("Yes, I'm safe");
    await u.waitFor('Thank you for checking in.');
    const rows = await checkInsOf(u);
    expect(rows.map((r) => r.note)).toEqual([UNSURE_EN]);
  });

  it('screens a forged callback that carries free text for the note: crisis help, and no note stored', async () => {
    const u = await atNote();
    const prompt = [...u.messages()].reverse().find((m) => m.text.includes("anything you'd like to add"))!;
    const skip = prompt.keyboard.flat().find((b) => 'callback_data' in b) as { callback_data: string };
    const forged = skip.callback_data.replace(/\|[^|]*$/, '|I want to end my life tonight');
    await u.pressData(forged, prompt);
    const reply = await u.waitFor("I'm really glad you told me");
    expect(reply.text).toContain('call *911*'.replace(/\*/g, ''));
    await u.waitFor('988 Suicide & Crisis Lifeline');
    expect(await checkInsOf(u)).toEqual([]);
  });

  it('reads a caption like typed text: the crisis screen sees it first', async () => {
    const u = rig.emulator.privateChat(nextUser++);
    await u.sendCaptioned('i want to kill myself tonight');
    await u.waitFor("I'm really glad you told me");
  });

  it('answers an app set to Spanish in Spanish, with the deployment\'s US numbers, never Spain\'s', async () => {
    const u = rig.emulator.privateChat(nextUser++);
    u.languageCode = 'es';
    await u.send('i want to kill myself tonight');
    await u.waitFor('Me alegra mucho que me lo hayas contado');
    const lines = await u.waitFor('988 Lifeline: llama o envía un mensaje de texto al 988');
    expect(lines.text).not.toContain('024');
    expect(u.messages().map((m) => m.text).join('\n')).toContain('llama ahora al 911');
    // The region was known (CRISIS_REGION), so nothing asks which country.
    await u.waitFor('Mientras buscas ayuda');
    expect(u.messages().some((m) => m.text.includes('¿En qué país estás?'))).toBe(false);
    // And the way back speaks Spanish too.
    await u.press('Buscar a alguien de confianza');
    await u.waitFor('Piensa en quién suele darte calma');
    await u.press('Ahora no');
    await u.waitFor('Sigo aquí');
  });

  it('after crisis help mid check-in, "reach someone" leads back to the check-in where it was', async () => {
    const u = await atNote();
    await u.send('i want to kill myself tonight');
    await u.waitFor('if you would like some company right now');
    await u.press('Reach someone I trust');
    await u.waitFor('/supporters keeps the people you trust');
    await u.press('Not right now');
    await u.waitFor('Shall we go back to your check-in?');
    const asked = () => u.messages().filter((m) => m.text.includes("anything you'd like to add")).length;
    const before = asked();
    await u.press('Yes, go back');
    await eventually(() => (asked() > before ? true : undefined), 10_000, 'the note asked again');
    await u.press('Nothing to add');
    await u.waitFor('Thank you for checking in.');
    expect((await checkInsOf(u)).map((r) => r.note)).toEqual([null]);
  });

  it('answers /sos in a group in the group: the emergency number, an international line and a button to a private chat, nothing personal', async () => {
    const member = rig.emulator.inGroup(nextUser++, -9101);
    await member.send('/sos');
    const answer = await member.waitFor('call 911');
    expect(answer.text).toContain('If you or someone with you is in danger right now, call 911.');
    expect(answer.text).toContain('findahelpline.com');
    expect(answer.text).not.toMatch(/Test|user\d/);
    const button = answer.keyboard.flat()[0] as { text: string; url: string };
    expect(button).toEqual({ text: 'Talk privately', url: 'https://t.me/TestNameBot?start=sos' });
  });

  it('in a group whose moderators chose a region, /sos gives that region\'s number, in the asker\'s language', async () => {
    await rig.tether.db.community.create({ data: { platform: 'telegram', externalId: '-9102', questions: [], crisisRegion: 'GB' } });
    const member = rig.emulator.inGroup(nextUser++, -9102);
    member.languageCode = 'es';
    await member.send('/sos');
    const answer = await member.waitFor('llama al 999');
    expect(answer.text).toContain('findahelpline.com');
    expect((answer.keyboard.flat()[0] as { text: string }).text).toBe('Hablar en privado');
  });
});
