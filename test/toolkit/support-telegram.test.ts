import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from '../adapters/telegram/telegram-harness.js';
import type { TelegramUser } from '../emulators/telegram.js';

/* A request through Tether and its one-tap answer, both people on Telegram: real grammY and the Bot API emulator. */

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

/** Presses `label` once a message shows that button (replies come as several messages). */
async function pressWhenShown(user: TelegramUser, label: string): Promise<void> {
  const shown = await eventually(
    () => [...user.messages()].reverse().find((m) => m.keyboard.flat().some((b) => b.text === label)),
    10_000,
    `the button "${label}"`,
  );
  await user.press(label, shown);
}

async function step(user: TelegramUser, action: () => Promise<void>): Promise<void> {
  const before = user.messages().length;
  await action();
  await eventually(() => (user.messages().length > before ? true : undefined), 10_000, 'a reply');
}

describe('a supporter answers with one tap on Telegram', () => {
  it('delivers the request with three buttons and tells the person the answer', async () => {
    const ria = rig.emulator.privateChat(6201);
    const jo = rig.emulator.privateChat(6202);
    await step(ria, () => ria.send('/supporters'));
    await step(ria, () => pressWhenShown(ria, 'I agree'));
    await step(ria, () => pressWhenShown(ria, 'Add someone'));
    await step(ria, () => ria.send('Jo'));
    await step(ria, () => ria.send('skip'));
    await step(ria, () => pressWhenShown(ria, 'See my list'));
    await step(ria, () => pressWhenShown(ria, 'Let someone answer through Tether'));
    await step(ria, () => pressWhenShown(ria, 'Jo'));
    await step(ria, () => ria.send('Ria'));
    const invite = await ria.waitFor('invitation code');
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(invite.text)![1]!;

    await step(jo, () => jo.send('/support'));
    await step(jo, () => pressWhenShown(jo, 'I agree'));
    await jo.waitFor('Type the code they gave you');
    await step(jo, () => jo.send(code));
    await jo.waitFor('Ria trusts you');

    await step(ria, () => ria.send('/reachout'));
    await step(ria, () => pressWhenShown(ria, 'I feel alone'));
    await step(ria, () => pressWhenShown(ria, 'Call me within the hour'));
    await step(ria, () => pressWhenShown(ria, 'Jo'));
    await step(ria, () => pressWhenShown(ria, 'Send it through Tether'));
    const request = await jo.waitFor('Ria asked you, through Tether');
    expect(request.text).toContain("I'm having a hard evening. Could you call me in the next hour?");
    expect(request.keyboard.flat().map((b) => b.text)).toEqual(['On my way', "I'll call you", "Can't right now"]);
    await jo.press("I'll call you", request);
    await ria.waitFor("Jo answered your request: I'll call you.");
    await jo.waitFor("I've let them know");
  });
});
