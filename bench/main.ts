/**
 * `npm run bench`: the engine's cost per step as flows grow, and one answer's full round trip through Postgres and
 * Redis. Prints a table and one JSON object (also written to bench/results/latest.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { measureCrisisDetection } from './crisis.js';
import { measureEngineCost } from './engine-cost.js';
import { measureRoundTrip } from './round-trip.js';

const engine = await measureEngineCost();
console.log('\nEngine cost per step (µs), in-process');
console.table(engine.map((r) => ({ 'flow steps': r.steps, 'engine mean': r.engineUsPerStep, 'engine p99': r.engineP99Us, 'runtime+memory store mean': r.runtimeUsPerStep, 'runtime p99': r.runtimeP99Us })));

const roundTrip = await measureRoundTrip();
console.log('\nOne answer to its reply, real Postgres + Redis, through the terminal adapter\'s path (ms)');
console.table(roundTrip.table);

const crisis = measureCrisisDetection();
console.log('\nCrisis detection on the labelled sets (targets: recall >= 0.97, false positives <= 5%)');
console.table(crisis.map(({ byCategory: _c, ...rest }) => rest));

const result = { crisis, machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, engine, roundTrip: roundTrip.json, at: new Date().toISOString() };
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
process.exit(0);
