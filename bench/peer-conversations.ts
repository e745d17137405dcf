import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/load.js';
import { dropDatabase, ensureDatabase } from '../src/db/migrate.js';
import { TelegramEmulator } from '../test/emulators/telegram.js';
import type { ChildMessage, UpdateSample } from './peer-bot-child.js';
import { answerFor, CLOSING, command, PEER_SIZES } from './peer-flows.js';
import { round, summarize } from './stats.js';

/**
 * Tether against grammY's conversations plugin: the same check-in of 4, 16, 64 and 256 steps, both on Postgres,
 * both driven through the same Telegram Bot API emulator by webhook. Each bot runs alone in a child process
 * (bench/peer-bot-child.ts); the emulator and the simulated person run here, so the child's CPU is the bot's own.
 *
 * Two costs per step (one answer to the next question):
 * - end to end: the person's message posted to the emulator until the emulator's webhook call to the bot has
 *   returned, which grammY does once the bot's handler, and so its reply to the emulator, is done;
 * - the framework's CPU: process.cpuUsage() around grammY's middleware in the bot's process, one update at a time
 *   (answers are sent one after another, so nothing else runs there meanwhile). It leaves out the webhook's HTTP
 *   parsing, which both share, and Postgres's own processes.
 */
const STEPS_PER_SIZE = 256;
export type Framework = 'tether' | 'plugin';

export interface PeerRow {
  readonly framework: Framework;
  readonly steps: number;
  readonly conversations: number;
  readonly e2eMsPerStep: number;
  readonly e2eP99Ms: number;
  readonly cpuMsPerStep: number;
  /** CPU per step over the last quarter of each flow: where a replaying design pays most. */
  readonly cpuMsPerStepLastQuarter: number;
  readonly handlerWallMsPerStep: number;
  /** Bot API calls the emulator received per answer (the reply, closing the answered keyboard, ...). */
  readonly apiCallsPerStep: number;
  /** SQL statements per answer, counted in the bot's process. */
  readonly sqlQueriesPerStep: number;
}

export async function measurePeerConversations(
  frameworks: readonly Framework[] = ['tether', 'plugin'],
): Promise<{ rows: PeerRow[]; ratios: { steps: number; e2e: number; cpu: number; cpuLastQuarter: number }[] }> {
  const rows: PeerRow[] = [];
  for (const framework of frameworks) rows.push(...(await runFramework(framework)));
  if (frameworks.length < 2) return { rows, ratios: [] };
  const ratios = PEER_SIZES.map((steps) => {
    const t = rows.find((r) => r.framework === 'tether' && r.steps === steps)!;
    const p = rows.find((r) => r.framework === 'plugin' && r.steps === steps)!;
    return { steps, e2e: round(p.e2eMsPerStep / t.e2eMsPerStep, 2), cpu: round(p.cpuMsPerStep / t.cpuMsPerStep, 2), cpuLastQuarter: round(p.cpuMsPerStepLastQuarter / t.cpuMsPerStepLastQuarter, 2) };
  });
  return { rows, ratios };
}

async function runFramework(framework: Framework): Promise<PeerRow[]> {
  const id = randomBytes(4).toString('hex');
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/tether_bench_peer_${framework}_${id}`;
  const redisPrefix = `tether-bench-peer-${id}`;
  if (framework === 'plugin') await ensureDatabase(url.toString());
  const emulator = await TelegramEmulator.start();
  const child = fork(new URL('./peer-bot-child.ts', import.meta.url).pathname, [framework], {
    // BENCH_CHILD_ARGS: extra node flags for the bot's process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CHILD_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_API_ROOT: emulator.apiRoot, BENCH_TOKEN: emulator.token, BENCH_DATABASE_URL: url.toString(), BENCH_REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = messages(child);
  try {
    const ready = await next();
    if (ready.type !== 'ready') throw new Error(`${framework} bot did not start: ${ready.type === 'error' ? ready.message : ready.type}`);
    let userId = 10_000;
    // Warm-up (JIT, connection pools, prepared plans): not counted.
    for (let c = 0; c < 3; c++) await converse(emulator, userId++, 16);
    const rows: PeerRow[] = [];
    for (const steps of PEER_SIZES) {
      child.send({ type: 'reset' });
      const conversations = Math.max(1, STEPS_PER_SIZE / steps);
      const e2e: number[] = [];
      let apiCalls = 0;
      for (let c = 0; c < conversations; c++) {
        const { times, answerCalls } = await converse(emulator, userId++, steps);
        e2e.push(...times);
        apiCalls += answerCalls;
      }
      child.send({ type: 'collect' });
      const reply = await next();
      if (reply.type !== 'samples') throw new Error(`${framework} bot: ${reply.type === 'error' ? reply.message : 'no samples'}`);
      const answers = reply.samples.filter((s) => !s.command);
      if (answers.length !== conversations * steps) throw new Error(`${framework}: ${answers.length} answer updates measured, expected ${conversations * steps}`);
      const lastQuarter = lastQuarterOf(answers, steps);
      const e2eStats = summarize(e2e);
      rows.push({
        framework,
        steps,
        conversations,
        e2eMsPerStep: round(e2eStats.mean, 3),
        e2eP99Ms: round(e2eStats.p99, 2),
        cpuMsPerStep: round(mean(answers.map((s) => s.cpuUs)) / 1000, 3),
        cpuMsPerStepLastQuarter: round(mean(lastQuarter.map((s) => s.cpuUs)) / 1000, 3),
        handlerWallMsPerStep: round(mean(answers.map((s) => s.wallMs)), 3),
        apiCallsPerStep: round(apiCalls / answers.length, 2),
        sqlQueriesPerStep: round(mean(answers.map((s) => s.sqlQueries)), 2),
      });
    }
    return rows;
  } finally {
    child.send({ type: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
    await emulator.stop();
    await dropDatabase(url.toString());
    const redis = new Redis(base.REDIS_URL);
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
}

/** One person through one check-in of `steps` questions; the end-to-end milliseconds of each answer, and the Bot API calls the answers caused. */
async function converse(emulator: TelegramEmulator, userId: number, steps: number): Promise<{ times: number[]; answerCalls: number }> {
  const person = emulator.privateChat(userId);
  const sent = () => emulator.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(userId));
  await handled(emulator, 'AddedUserCommand', () => person.send(`/${command(steps)}`));
  if (sent().length !== 1) throw new Error(`no first question for /${command(steps)}`);
  const times: number[] = [];
  const callsBefore = emulator.calls.length;
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    await handled(emulator, 'AddedUserMessage', () => person.send(answerFor(i)));
    times.push(performance.now() - t0);
    if (sent().length !== i + 2) throw new Error(`step ${i + 1} of ${steps} was not answered (user ${userId})`);
  }
  const last = sent().at(-1)!;
  if (!String(last.payload.text).includes(CLOSING)) throw new Error(`the ${steps}-step check-in did not end with the closing words`);
  return { times, answerCalls: emulator.calls.length - callsBefore };
}

/**
 * Sends, then waits until the emulator's webhook call has returned: grammY answers a webhook only when the bot's
 * handler is done, and both bots send their reply inside it, so the reply has been delivered by then.
 */
async function handled(emulator: TelegramEmulator, event: 'AddedUserMessage' | 'AddedUserCommand', send: () => Promise<void>): Promise<void> {
  const done = new Promise<void>((resolve) => emulator.server.once(event, () => resolve()));
  await send();
  await done;
}

function lastQuarterOf(answers: readonly UpdateSample[], steps: number): UpdateSample[] {
  return answers.filter((_, i) => i % steps >= steps - Math.max(1, steps / 4));
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);

function messages(child: ChildProcess): () => Promise<ChildMessage> {
  const queue: ChildMessage[] = [];
  const waiting: ((m: ChildMessage) => void)[] = [];
  child.on('message', (m: ChildMessage) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w({ type: 'error', message: `bot process exited (${code})` });
  });
  return () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => waiting.push(resolve)));
}
