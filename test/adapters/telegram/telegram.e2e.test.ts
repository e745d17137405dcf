import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnswer } from '../../../src/engine/answer-map.js';
import type { ConversationState } from '../../../src/engine/types.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from './telegram-harness.js';

let env: TestEnvironment;
let rig: TelegramRig;

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig(env.config);
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function checkInRows(userId: number) {
  const identity = await rig.tether.db.identity.findUnique({ where: { platform_externalId: { platform: 'telegram', externalId: String(userId) } } });
  return identity ? rig.tether.store.checkInsOf(identity.personId) : [];
}

describe('Telegram through the real grammY client and a Bot API emulator', () => {
  it('registers its command menus for private chats and for groups', async () => {
    const calls = rig.emulator.callsOf('setMyCommands');
    const byScope = Object.fromEntries(calls.map((c) => [(c.payload.scope as { type: string }).type, (c.payload.commands as { command: string }[]).map((x) => x.command)]));
    expect(byScope.all_private_chats).toEqual(['checkin', 'breathe', 'ground', 'surf', 'kindness', 'supporters', 'reachout', 'support', 'plan', 'event', 'slip', 'history', 'trends', 'milestones', 'sos', 'schedule', 'pause', 'resume', 'link', 'unlink', 'mydata', 'forget', 'setup', 'help', 'cancel', 'start']);
    expect(byScope.all_group_chats).toEqual(['checkin', 'breathe', 'ground', 'surf', 'kindness', 'sos', 'setup', 'help']);
  });

  it('runs a full check-in by buttons in a private chat, closing each answered keyboard', async () => {
    const u = rig.emulator.privateChat(1001);
    await u.send('/checkin');
    await u.waitFor('What I keep, and why');
    await u.press('I agree');
    await u.waitFor('How are you doing overall');
    await u.press('4');
    await u.waitFor('How strong is any craving');
    const mood = u.messages().find((m) => m.text.includes('How are you doing overall'))!;
    expect(mood.keyboard.flat()).toEqual([]);
    expect(mood.text).toContain('✓ 4');
    await u.press('1');
    await u.waitFor('how many hours did you sleep');
    await u.send('7');
    await u.waitFor('How much stress');
    await u.press('2');
    await u.waitFor('Which word comes closest');
    await u.press('Something else');
    await u.waitFor('What word would you use');
    await u.send('<b>wired</b> & tired');
    await u.waitFor('what do you need most');
    await u.press('Rest');
    await u.waitFor('What would help most');
    await u.press('Just note it');
    await u.waitFor("anything you'd like to add");
    await u.press('Nothing to add');
    const reflection = await u.waitFor('Thank you for checking in.');
    // What the person typed comes back escaped, never as markup.
    expect(reflection.html).toContain("You're feeling &lt;b&gt;wired&lt;/b&gt; &amp; tired, and what you need most is rest.");
    expect(reflection.html).toContain('<b>Thank you for checking in.</b>');
    const rows = await eventually(async () => ((await checkInRows(1001)).length ? checkInRows(1001) : undefined));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mood: 4, craving: 1, sleepHours: 7, stress: 2, emotion: 'other', emotionOther: '<b>wired</b> & tired', need: 'rest', response: 'note', note: null, platform: 'telegram' });
  });

  it('plays a timed breathing exercise in one message that is edited step by step', async () => {
    const u = rig.emulator.privateChat(1002);
    const before = rig.emulator.calls.length;
    await u.send('/breathe box');
    await u.waitFor('How do you feel now?', 20_000);
    // The proxy records a call once the emulator answered it: wait for the closing question's record too.
    const ofChat = () => rig.emulator.calls.slice(before).filter((c) => String(c.payload.chat_id) === '1002');
    await eventually(() => (ofChat().filter((c) => c.method === 'sendMessage').length >= 2 ? true : undefined), 5000, 'the recorded calls');
    const calls = ofChat();
    const edits = calls.filter((c) => c.method === 'editMessageText' && String(c.payload.text).includes('Round'));
    expect(edits).toHaveLength(16);
    expect(new Set(edits.map((e) => e.payload.message_id)).size).toBe(1);
    const sends = calls.filter((c) => c.method === 'sendMessage');
    expect(sends).toHaveLength(2); // the exercise message, then the closing question
    const exercise = u.messages().find((m) => m.messageId === Number(edits[0]!.payload.message_id))!;
    expect(exercise.text).toContain('Round 4 of 4');
    expect(exercise.text).toContain('Rest before the next breath');
  });

  it('answers /checkin in a group only with a pointer to the private chat, posting nothing private', async () => {
    const member = rig.emulator.inGroup(1003, -5001);
    await member.send('/checkin@TestNameBot');
    const pointer = await member.waitFor('just for you');
    expect(pointer.keyboard.flat()).toEqual([{ text: 'Open a private chat', url: 'https://t.me/TestNameBot?start=checkin' }]);
    expect(pointer.text).toContain('press Start when the chat opens');
    await member.send('I feel awful today');
    await member.send('/breathe');
    await member.waitFor('breathing exercise is just for you');
    await sleep(300);
    const inGroup = member.messages();
    expect(inGroup).toHaveLength(2);
    expect(inGroup.every((m) => !m.text.includes('How are you doing') && m.keyboard.flat().every((b) => 'url' in b))).toBe(true);
    expect(await rig.tether.db.conversation.count({ where: { chatId: '-5001' } })).toBe(0);

    // The deep link opens the check-in in private.
    const inPrivate = rig.emulator.privateChat(1003);
    await inPrivate.send('/start checkin');
    await inPrivate.waitFor('What I keep, and why');
    await inPrivate.press('I agree');
    await inPrivate.waitFor('How are you doing overall');
    expect(inPrivate.messages()[0]!.text).toContain('not an emergency service');
  });

  it('leaves a stale button alone, says so gently, and closes its keyboard', async () => {
    const u = rig.emulator.privateChat(1004);
    await u.send('/checkin');
    await u.waitFor('What I keep, and why');
    await u.press('I agree');
    const first = await u.waitFor('How are you doing overall');
    const staleKeyboard = first.keyboard;
    await u.press('3');
    await u.waitFor('How strong is any craving');
    const answers = rig.emulator.callsOf('answerCallbackQuery').length;
    // The person presses a button on the old message again (as an old client could).
    await u.press('5', { ...first, keyboard: staleKeyboard });
    await u.waitFor('belongs to an earlier question');
    expect(rig.emulator.callsOf('answerCallbackQuery').length).toBe(answers + 1);
    const conversation = await rig.tether.db.conversation.findFirstOrThrow({ where: { chatId: '1004' } });
    const state = conversation.state as unknown as ConversationState;
    expect(state.stack[0]!.stepId).toBe('craving');
    expect(getAnswer(state.stack[0]!.answers, 'mood')).toBe(3);
  });

  it('handles the same update delivered twice once', async () => {
    const u = rig.emulator.privateChat(1005);
    await u.send('/checkin');
    await u.waitFor('What I keep, and why');
    await u.press('I agree');
    await u.waitFor('How are you doing overall');
    rig.emulator.deliverNextUpdatesTwice();
    await u.send('2');
    await u.waitFor('How strong is any craving');
    await sleep(500);
    expect(u.messages().filter((m) => m.text.includes('How strong is any craving'))).toHaveLength(1);
    const updates = rig.emulator.callsOf('getUpdates').flatMap((c) => ((c.body as { result: { update_id: number }[] }).result ?? []).map((x) => x.update_id));
    expect(updates.length - new Set(updates).size).toBeGreaterThanOrEqual(1); // it really was delivered twice
  });

  it('waits out a 429 as Telegram asks and retries a network error', async () => {
    const u = rig.emulator.privateChat(1006);
    rig.emulator.failNext('sendMessage', { kind: 'error', status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, { matches: (p) => String(p.chat_id) === '1006' });
    const started = Date.now();
    await u.send('/help');
    await u.waitFor('What we can do together');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const statusesSoFar = () => rig.emulator.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === '1006').map((c) => c.status);
    // The proxy records a call once the emulator has answered it, so give the record a moment.
    await eventually(() => (statusesSoFar().length >= 2 ? true : undefined), 5000, 'the retried call');
    expect(statusesSoFar()).toEqual([429, 200]);

    rig.emulator.failNext('sendMessage', { kind: 'network' }, { matches: (p) => String(p.chat_id) === '1006' });
    await u.send('/start');
    await u.waitFor("Hi, I'm Tether");
    const statuses = () => rig.emulator.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === '1006').map((s) => s.status);
    // The proxy records a call once the emulator has answered it, so give the record a moment.
    await eventually(() => (statuses().length >= 4 ? true : undefined), 5000, 'the retried call');
    expect(statuses().slice(0, 4)).toEqual([429, 200, 0, 200]);
  });

  it('marks someone who blocked the bot unreachable and stops their exercise, without retrying', async () => {
    const u = rig.emulator.privateChat(1007);
    await u.send('/breathe box');
    await u.waitFor('Box breathing');
    rig.emulator.failNext('editMessageText', { kind: 'error', status: 403, description: 'Forbidden: bot was blocked by the user' }, { times: 100, matches: (p) => String(p.chat_id) === '1007' });
    rig.emulator.failNext('sendMessage', { kind: 'error', status: 403, description: 'Forbidden: bot was blocked by the user' }, { times: 100, matches: (p) => String(p.chat_id) === '1007' });
    await eventually(async () => {
      const i = await rig.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'telegram', externalId: '1007' } } });
      return i.reachable ? undefined : i;
    }, 10_000, 'unreachable');
    const attempts = () => rig.emulator.calls.filter((c) => String(c.payload.chat_id) === '1007' && c.status === 403).length;
    const seen = attempts();
    await sleep(800); // the exercise would have moved on by now (TIMING_SCALE 0.01)
    expect(attempts()).toBe(seen);
    expect(seen).toBe(1);
    const conversation = await rig.tether.db.conversation.findFirstOrThrow({ where: { chatId: '1007' } });
    expect(conversation.state).toMatchObject({ stack: [], timers: [] });
    expect(rig.logs.join('')).toContain('recipient unreachable');
  });

  it('never writes what people typed, or the token, into the logs', () => {
    const logs = rig.logs.join('');
    expect(logs).not.toContain('wired');
    expect(logs).not.toContain('I feel awful');
    expect(logs).not.toContain(rig.emulator.token);
  });
});
