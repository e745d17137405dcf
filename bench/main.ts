/**
 * `npm run bench`: the engine's cost per step as flows grow, one answer's full round trip through Postgres and
 * Redis, memory with 10,000 conversations (in a process of its own), Tether against grammY's conversations plugin,
 * crisis detection, schedules at scale and paced delivery. Prints a table and one JSON object (also written to bench/results/latest.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { round } from './stats.js';
import { printCrisisReport } from './crisis-report.js';
import { measureEngineCost } from './engine-cost.js';
import { measureRoundTrip } from './round-trip.js';
import { measureDelivery } from './delivery.js';
import { measureSchedules } from './schedules.js';
import { measureMemory } from './memory.js';
import { measurePeerConversations } from './peer-conversations.js';
import { measurePeerInProcess } from './peer-in-process.js';

const MEMORY_TARGET_MB = 150;
const PEER_TARGET_RATIO = 25;

const engine = await measureEngineCost();
console.log('\nEngine cost per step (µs), in-process');
console.table(engine.map((r) => ({ 'flow steps': r.steps, 'engine mean': r.engineUsPerStep, 'engine p99': r.engineP99Us, 'runtime+memory store mean': r.runtimeUsPerStep, 'runtime p99': r.runtimeP99Us })));

const roundTrip = await measureRoundTrip();
console.log('\nOne answer to its reply, real Postgres + Redis, through the terminal adapter\'s path (ms)');
console.table(roundTrip.table);

const memory = await measureMemory();
console.log(`\nMemory with 10,000 active conversations, each variant in a child process running only Tether (target: peak RSS <= ${MEMORY_TARGET_MB} MB)`);
console.table(
  memory.map((m) => ({
    variant: m.variant,
    'peak RSS MB': m.peakRssMB,
    'peak heap used MB': m.peakHeapUsedMB,
    'RSS at 10k (after gc) MB': m.rssAt10kMB,
    'heap at 10k (after gc) MB': m.heapUsedAt10kMB,
    'heap MB per 1k conv.': m.heapPer1kConversationsMB,
    'dispatches/s': m.dispatchesPerSecond,
    met: m.peakRssMB <= MEMORY_TARGET_MB ? 'yes' : 'NO',
  })),
);
console.log('Where RSS goes before any conversation (after gc; each line adds one part, in load order): npm start against the container');
const compared = [memory[1], memory[3]].filter((m) => m !== undefined);
const stageNames = [...new Set(compared.flatMap((m) => m.stages.map((s) => s.stage)))];
console.table(
  stageNames.map((stage) => ({
    stage,
    ...Object.fromEntries(
      compared.flatMap((m, k): [string, number | string][] => {
        const label = k === 0 ? 'npm start' : 'container';
        const i = m.stages.findIndex((s) => s.stage === stage);
        if (i < 0) return [[`${label} RSS MB`, '-'], [`${label} +MB`, '-']];
        return [[`${label} RSS MB`, m.stages[i]!.rssMB], [`${label} +MB`, i === 0 ? m.stages[i]!.rssMB : round(m.stages[i]!.rssMB - m.stages[i - 1]!.rssMB, 1)]];
      }),
    ),
  })),
);
console.log('Growth with conversations (after gc at each 1,000): RSS MB / heap used MB');
console.table(
  memory[0]!.growth.map((g, i) => ({
    conversations: g.conversations,
    ...Object.fromEntries(memory.map((m) => [m.variant, `${m.growth[i]?.rssMB} / ${m.growth[i]?.heapUsedMB}`])),
  })),
);

const peer = await measurePeerConversations();
console.log(`\nTether against @grammyjs/conversations: the same check-in, Postgres, Telegram emulator by webhook (target: Tether flat as flows grow and >= ${PEER_TARGET_RATIO}x below the plugin)`);
console.log(
  'Method: each bot runs alone in a child process; the emulator and the person run in this one. e2e = answer posted to the emulator until its\n' +
    'webhook call to the bot returned (the reply is delivered inside it). CPU = process.cpuUsage() around grammY\'s middleware in the bot process,\n' +
    'one update at a time (excludes the emulator, the webhook HTTP parsing both share, and Postgres\'s own processes). 256 answers per size.',
);
console.table(
  peer.rows.map((r) => ({
    framework: r.framework,
    steps: r.steps,
    conversations: r.conversations,
    'e2e ms/step': r.e2eMsPerStep,
    'e2e p99 ms': r.e2eP99Ms,
    'CPU ms/step': r.cpuMsPerStep,
    'CPU ms/step, last quarter of flow': r.cpuMsPerStepLastQuarter,
    'handler wall ms/step': r.handlerWallMsPerStep,
    'Bot API calls/step': r.apiCallsPerStep,
    'SQL/step': r.sqlQueriesPerStep,
  })),
);
const tetherRows = peer.rows.filter((r) => r.framework === 'tether');
const flatness = round(tetherRows.at(-1)!.cpuMsPerStepLastQuarter / tetherRows[0]!.cpuMsPerStepLastQuarter, 2);
console.log(`Plugin / Tether (target >= ${PEER_TARGET_RATIO}); Tether CPU per step at 256 steps / at 4 steps (last quarter): ${flatness} (flat: <= 1.25 -> ${flatness <= 1.25 ? 'yes' : 'NO'})`);
console.table(peer.ratios.map((r) => ({ steps: r.steps, 'e2e ratio': r.e2e, 'CPU ratio': r.cpu, 'CPU ratio, last quarter': r.cpuLastQuarter, met: r.cpu >= PEER_TARGET_RATIO && r.e2e >= PEER_TARGET_RATIO ? 'yes' : 'NO' })));

const peerInProcess = await measurePeerInProcess();
console.log(`\nThe same, each framework's own work only (target: flat, >= ${PEER_TARGET_RATIO}x below the plugin): updates handed straight to grammY, Bot API\n` +
  'calls answered in the process, state in memory (Tether\'s in-memory store, the plugin\'s default storage); each framework alone in a process,\n' +
  'after three warm-up passes; about 1,024 answers per size. µs per answer.');
console.table(peerInProcess.map((r) => ({ ...r, met: r.ratio >= PEER_TARGET_RATIO ? 'yes' : 'NO' })));

const crisis = printCrisisReport();

const schedules = await measureSchedules();
console.log('\nSchedules: 100,000 people over the day and time zones, 10,000 due in one minute (targets: Redis <= 32 MB, find and enqueue <= 1 s)');
console.table([
  {
    people: schedules.people,
    'due in the minute': schedules.dueInTheMinute,
    'Redis MB at rest': round(schedules.redisBytesAtRest / 1e6, 3),
    'Redis MB with the minute queued': round(schedules.redisBytesWithMinuteQueued / 1e6, 2),
    'claim ms': schedules.claimMs,
    'enqueue ms': schedules.enqueueMs,
    'total ms': schedules.totalMs,
  },
]);

const delivery = await measureDelivery();
console.log('\nPaced delivery against a fake platform enforcing 30 messages/s with 429s beyond (targets: >= 0.97 of the limit, 0 429s, 0 lost, 0 duplicated)');
console.table([delivery]);

const memoryJson = { targetPeakRssMB: MEMORY_TARGET_MB, variants: memory.map((m) => ({ ...m, met: m.peakRssMB <= MEMORY_TARGET_MB })) };
const peerJson = {
  targetRatio: PEER_TARGET_RATIO,
  tetherFlatness: flatness,
  rows: peer.rows,
  ratios: peer.ratios.map((r) => ({ ...r, met: r.cpu >= PEER_TARGET_RATIO && r.e2e >= PEER_TARGET_RATIO })),
  inProcess: peerInProcess.map((r) => ({ ...r, met: r.ratio >= PEER_TARGET_RATIO })),
};
const result = { schedules, delivery, crisis, memory: memoryJson, peer: peerJson, machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, engine, roundTrip: roundTrip.json, at: new Date().toISOString() };
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
process.exit(0);
