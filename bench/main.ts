/**
 * `npm run bench`: the engine's cost per step as flows grow, one answer's full round trip through Postgres and
 * Redis, crisis detection, schedules at scale and paced delivery. Prints a table and one JSON object (also written to bench/results/latest.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { round } from './stats.js';
import { measureCrisisDetection } from './crisis.js';
import { measureEngineCost } from './engine-cost.js';
import { measureRoundTrip } from './round-trip.js';
import { measureDelivery } from './delivery.js';
import { measureSchedules } from './schedules.js';

const engine = await measureEngineCost();
console.log('\nEngine cost per step (µs), in-process');
console.table(engine.map((r) => ({ 'flow steps': r.steps, 'engine mean': r.engineUsPerStep, 'engine p99': r.engineP99Us, 'runtime+memory store mean': r.runtimeUsPerStep, 'runtime p99': r.runtimeP99Us })));

const roundTrip = await measureRoundTrip();
console.log('\nOne answer to its reply, real Postgres + Redis, through the terminal adapter\'s path (ms)');
console.table(roundTrip.table);

const crisis = measureCrisisDetection();
console.log('\nCrisis detection on the labelled sets (targets: recall >= 0.97, false positives <= 5%)');
console.table(crisis.map(({ byCategory: _c, ...rest }) => rest));

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

const result = { schedules, delivery, crisis, machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, engine, roundTrip: roundTrip.json, at: new Date().toISOString() };
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
process.exit(0);
