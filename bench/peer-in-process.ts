/**
 * The same check-in, Tether against @grammyjs/conversations, with every outside cost taken away: no HTTP, no
 * database, no emulator. Each framework gets Telegram updates straight into grammY (`bot.handleUpdate`), its Bot API
 * calls answered at once by a transformer, and its state in memory (Tether's in-memory store; the plugin's default
 * storage). What is left is each framework's own work per answer: the figure the 25× target is about. The same run
 * over HTTP and Postgres is bench/peer-conversations.ts.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Bot, type Context } from 'grammy';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { Update, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import { compileFlows } from '../src/engine/flow.js';
import { TelegramSink } from '../src/adapters/telegram/telegram-sink.js';
import { telegramInbound } from '../src/adapters/telegram/telegram-inbound.js';
import { ConversationRuntime } from '../src/runtime/runtime.js';
import { InMemoryConversationStore } from '../src/store/in-memory-store.js';
import { PEER_SIZES, answerFor, command, tetherBenchFlow } from './peer-flows.js';
import { installPluginCheckIns } from './peer-plugin-flow.js';
import { round, summarize } from './stats.js';

const botInfo: UserFromGetMe = {
  id: 1, is_bot: true, first_name: 'Bench', username: 'BenchBot', can_join_groups: true, can_read_all_group_messages: false,
  supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
} as UserFromGetMe;

/**
 * Every Bot API call succeeds at once, as a sent message, without leaving the process. A `fetch` rather than an API
 * transformer: the plugin builds its own Api inside a conversation from the bot's client options, so this reaches it.
 */
let messageId = 0;
// grammY only reads `.json()` of what fetch returns: a bare object keeps undici's Response machinery (most of the
// cost of a real fetch, and not either framework's) out of the figures.
const instantFetch = (async () => ({
  json: async () => ({ ok: true, result: { message_id: ++messageId, date: 0, chat: { id: 1, type: 'private' }, text: '' } }),
})) as unknown as typeof fetch;
const client = { fetch: instantFetch };

let updateId = 0;
const textUpdate = (userId: number, text: string): Update =>
  ({
    update_id: ++updateId,
    message: {
      message_id: ++updateId,
      date: 0,
      chat: { id: userId, type: 'private', first_name: 'P' },
      from: { id: userId, is_bot: false, first_name: 'P' },
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
    },
  }) as Update;

type Framework = 'tether' | 'plugin';

async function botFor(framework: Framework): Promise<Bot<Context>> {
  if (framework === 'plugin') {
    const bot = new Bot<ConversationFlavor<Context>>('1:bench', { botInfo, client });
    await installPluginCheckIns(bot);
    return bot as unknown as Bot<Context>;
  }
  const bot = new Bot<Context>('1:bench', { botInfo, client });
  const sink = new TelegramSink(bot.api);
  const runtime = new ConversationRuntime({
    store: new InMemoryConversationStore(),
    registry: compileFlows(PEER_SIZES.map(tetherBenchFlow)),
    settings: { timingScale: 1, followUpMs: 3_600_000, highCraving: 7 },
    timers: { schedule: async () => undefined, cancel: async () => undefined },
    sinks: [sink],
    log: pino({ level: 'silent' }),
  });
  bot.use(telegramInbound(runtime, sink, pino({ level: 'silent' })));
  return bot;
}

export interface InProcessCost {
  readonly steps: number;
  readonly tetherUsPerStep: number;
  readonly pluginUsPerStep: number;
  /** The last quarter of the flow, where the plugin's replay is longest. */
  readonly tetherLastQuarterUs: number;
  readonly pluginLastQuarterUs: number;
  readonly ratio: number;
  readonly ratioLastQuarter: number;
}

/** µs per answer for one framework and size: several people run the whole check-in, one after another. */
async function perStep(bot: Bot<Context>, steps: number, people: number, firstUser: number): Promise<{ all: number[]; last: number[] }> {
  const all: number[] = [];
  const last: number[] = [];
  for (let p = 0; p < people; p++) {
    const user = firstUser + p;
    await bot.handleUpdate(textUpdate(user, `/${command(steps)}`));
    for (let i = 0; i < steps; i++) {
      const t0 = process.hrtime.bigint();
      await bot.handleUpdate(textUpdate(user, answerFor(i)));
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      all.push(us);
      if (i >= steps * 0.75) last.push(us);
    }
  }
  return { all, last };
}

type Costs = Record<number, { mean: number; last: number }>;

/** One framework alone in this process: three warm-up passes over every size (the JIT settles), then the measured pass. */
async function measureAlone(framework: Framework): Promise<Costs> {
  const bot = await botFor(framework);
  const costs: Costs = {};
  let user = 10_000;
  for (const pass of ['warm-up', 'warm-up', 'warm-up', 'measured'] as const) {
    for (const steps of PEER_SIZES) {
      // The same number of answers at every size, about 1,024.
      const people = Math.max(1, Math.round(1024 / steps));
      const { all, last } = await perStep(bot, steps, people, user);
      user += people;
      if (pass === 'measured') costs[steps] = { mean: summarize(all).mean, last: summarize(last).mean };
    }
  }
  return costs;
}

/** Each framework in a process of its own, so neither pays for the other's garbage collection. */
export async function measurePeerInProcess(): Promise<InProcessCost[]> {
  const run = (framework: Framework) =>
    new Promise<Costs>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), framework], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Costs) : reject(new Error(`${framework} bench exited with ${code}`))));
    });
  const tether = await run('tether');
  const plugin = await run('plugin');
  return PEER_SIZES.map((steps) => ({
    steps,
    tetherUsPerStep: round(tether[steps]!.mean),
    pluginUsPerStep: round(plugin[steps]!.mean),
    tetherLastQuarterUs: round(tether[steps]!.last),
    pluginLastQuarterUs: round(plugin[steps]!.last),
    ratio: round(plugin[steps]!.mean / tether[steps]!.mean, 2),
    ratioLastQuarter: round(plugin[steps]!.last / tether[steps]!.last, 2),
  }));
}

const self = process.argv[1] === fileURLToPath(import.meta.url);
if (self && (process.argv[2] === 'tether' || process.argv[2] === 'plugin')) {
  process.stdout.write(JSON.stringify(await measureAlone(process.argv[2])));
} else if (self) {
  console.table(await measurePeerInProcess());
}
