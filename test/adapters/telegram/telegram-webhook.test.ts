import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from './telegram-harness.js';

let env: TestEnvironment;
let rig: TelegramRig;

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig(env.config, { webhook: true });
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

describe('Telegram in webhook mode', () => {
  it('sets the webhook with a secret and answers updates posted to the built-in HTTP server', async () => {
    const [set] = rig.emulator.callsOf('setWebhook');
    expect(set!.payload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/telegram\/webhook$/);
    expect(set!.payload.secret_token).toBe('test-webhook-secret-0123456789');
    expect(rig.emulator.callsOf('getUpdates')).toHaveLength(0);

    const u = rig.emulator.privateChat(2001);
    await u.send('/checkin');
    await u.waitFor('What I keep, and why');
    await u.press('I agree');
    await u.waitFor('How are you doing overall');
    await u.press('5');
    await u.waitFor('How strong is any craving');
  });

  it('refuses a webhook call without the secret', async () => {
    const url = String(rig.emulator.callsOf('setWebhook')[0]!.payload.url);
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ update_id: 999, message: { message_id: 1, date: 0, chat: { id: 2002, type: 'private' }, from: { id: 2002, is_bot: false, first_name: 'X' }, text: '/checkin' } }),
    });
    expect(forged.status).toBe(401);
    expect(await rig.tether.db.conversation.count({ where: { chatId: '2002' } })).toBe(0);
  });
});
