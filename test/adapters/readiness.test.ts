import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from './telegram/telegram-harness.js';

/* /healthz and /readyz on the HTTP port, with a real Tether and its Telegram adapter. */

let env: TestEnvironment;
let rig: TelegramRig;
let base: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig(env.config);
  rig.http.readiness(async () => ({ ...(await rig.tether.readiness()), telegram: rig.adapter.isReady() }));
  base = `http://127.0.0.1:${rig.http.port}`;
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

describe('health and readiness', () => {
  it('says the process is up, and ready when Postgres, Redis and Telegram all answer', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { postgres: true, redis: true, telegram: true } });
  });

  it('is not ready once the platform stops taking events', async () => {
    await rig.adapter.stop();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, checks: { telegram: false, postgres: true } });
  });
});
