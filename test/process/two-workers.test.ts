import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment, storageEnv } from '../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from '../adapters/telegram/telegram-harness.js';

/*
 * Scale: one gateway (in this process, receiving Telegram updates) and two worker processes sharing one Postgres and
 * one Redis. The gateway answers; the workers play the timed steps. Every timer fires once, in one worker, and every
 * exercise runs through in order.
 */

const PEOPLE = 12;
const TIMING_SCALE = 0.05;

let env: TestEnvironment;
let rig: TelegramRig;
const workers: Array<{ child: ChildProcess; logs: string[]; exited: Promise<number | null> }> = [];

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig({ ...env.config, TIMING_SCALE }, { tether: { role: 'gateway' } });
  for (let i = 0; i < 2; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        ...storageEnv(env.config),
        TELEGRAM_BOT_TOKEN: rig.emulator.token,
        TELEGRAM_API_ROOT: rig.emulator.apiRoot,
        TETHER_ROLE: 'worker',
        TIMING_SCALE: String(TIMING_SCALE),
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: '0',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const logs: string[] = [];
    let partial = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      logs.push(...lines);
    });
    workers.push({ child, logs, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) });
  }
  for (const w of workers) await eventually(() => (w.logs.some((l) => l.includes('tether is running')) ? true : undefined), 30_000, 'a worker starting');
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await rig?.stop();
  await env?.cleanup();
});

const parsed = (lines: readonly string[]) => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('two workers, one Redis', () => {
  it('runs as a worker: sends, takes no updates, and says so', () => {
    const running = parsed(workers[0]!.logs).find((l) => l.msg === 'tether is running')!;
    expect(running).toMatchObject({ role: 'worker', platforms: ['telegram'] });
    // Only the gateway polls for updates.
    expect(rig.emulator.calls.filter((c) => c.method === 'getUpdates').length).toBeGreaterThan(0);
    expect(parsed(workers[0]!.logs).some((l) => l.msg === 'telegram: long polling')).toBe(false);
  });

  it('fires every timer once, in one of the two, and every exercise runs through in order', async () => {
    const people = Array.from({ length: PEOPLE }, (_, i) => rig.emulator.privateChat(7100 + i, `P${i}`));
    await Promise.all(people.map((p) => p.send('/breathe box')));
    await Promise.all(people.map((p) => p.waitFor('How do you feel now?', 60_000)));

    const fired = workers.map((w) => parsed(w.logs).filter((l) => l.msg === 'timer fired'));
    // Both workers took a share.
    expect(fired[0]!.length).toBeGreaterThan(0);
    expect(fired[1]!.length).toBeGreaterThan(0);
    // No timer fired twice, in the same worker or across the two.
    const ids = fired.flat().map((l) => `${String(l.conversationId)}:${String(l.timerId)}`);
    expect(new Set(ids).size).toBe(ids.length);
    // Every exercise showed its sixteen steps once each, in order (the one message is edited step by step).
    const rounds = [1, 2, 3, 4].flatMap((r) => ['Breathe in', 'Hold, softly', 'Breathe out', 'Rest before'].map((s) => `${r} ${s}`));
    for (let i = 0; i < PEOPLE; i++) {
      const chatId = 7100 + i;
      const shown = rig.emulator.calls
        .filter((c) => (c.method === 'editMessageText' || c.method === 'sendMessage') && String(c.payload.chat_id) === String(chatId))
        .map((c) => String(c.payload.text).replace(/<[^>]+>/g, ''))
        .flatMap((text) => [...text.matchAll(/Round (\d) of 4\s+(\S+ \S+?)[,…\s]/g)].map((m) => `${m[1]} ${m[2]}`));
      expect(shown).toEqual(rounds);
      // One message, edited by whichever worker ran the step: they share where it is.
      const posted = rig.emulator.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chatId) && String(c.payload.text).includes('Round'));
      expect(posted).toHaveLength(1);
    }
    // Each conversation's stored state is whole: the exercise is over and its answer awaited.
    const conversations = await rig.tether.db.conversation.findMany({ where: { platform: 'telegram' } });
    expect(conversations).toHaveLength(PEOPLE);
    for (const c of conversations) expect(JSON.stringify(c.state)).not.toContain('"kind":"step"');
  });

  it('stops each worker cleanly on SIGTERM: jobs finished, connections closed, exit 0', async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    for (const w of workers) expect(parsed(w.logs).map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped cleanly']));
  });
});
