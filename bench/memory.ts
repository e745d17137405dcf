import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Tether's memory with 10,000 active conversations, measured in child processes that run only what Tether runs
 * (bench/memory-child.ts), so this harness's own memory does not count. The variants:
 * - `eager` under tsx: every platform SDK and the chart libraries loaded at start, as Tether once did;
 * - `lean` under tsx: only what a terminal-only process needs (`npm start` in development);
 * - `lean`, built (`npm run build`, plain node, no TypeScript loader in the process), as the container runs it:
 *   alone; with the container's flags (one V8 background thread, where each otherwise holds compilation memory for
 *   Prisma's wasm; a 1 MB young generation and a 128 MB old one, so garbage is collected sooner instead of the heap
 *   growing to a few times what is live); and with the old generation capped lower still.
 */
export interface MemoryVariant {
  readonly name: string;
  readonly mode: 'eager' | 'lean';
  readonly runtime: 'tsx' | 'built';
  readonly flags: readonly string[];
}

/** The Dockerfile's NODE_OPTIONS (test/ops/packaging.test.ts keeps the two the same). */
export const CONTAINER_NODE_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=1', '--max-old-space-size=128'] as const;

export const MEMORY_VARIANTS: readonly MemoryVariant[] = [
  { name: 'tsx, every SDK loaded at start', mode: 'eager', runtime: 'tsx', flags: [] },
  { name: 'tsx, lazy SDKs and charts (npm start)', mode: 'lean', runtime: 'tsx', flags: [] },
  { name: 'built (node dist/src/main.js)', mode: 'lean', runtime: 'built', flags: [] },
  { name: `built + ${CONTAINER_NODE_FLAGS.join(' ')} (the container)`, mode: 'lean', runtime: 'built', flags: CONTAINER_NODE_FLAGS },
  { name: 'the container with --max-old-space-size=96', mode: 'lean', runtime: 'built', flags: [...CONTAINER_NODE_FLAGS.slice(0, 2), '--max-old-space-size=96'] },
];

export interface MemoryResult {
  readonly variant: string;
  readonly mode: string;
  readonly flags: readonly string[];
  readonly peakRssMB: number;
  readonly peakHeapUsedMB: number;
  readonly rssAt10kMB: number;
  readonly heapUsedAt10kMB: number;
  readonly rssPer1kConversationsMB: number;
  readonly heapPer1kConversationsMB: number;
  readonly dispatchesPerSecond: number;
  readonly stages: readonly { stage: string; rssMB: number; heapUsedMB: number; externalMB: number }[];
  readonly growth: readonly { conversations: number; rssMB: number; heapUsedMB: number }[];
}

const run = promisify(execFile);

export async function measureMemory(variants = MEMORY_VARIANTS): Promise<MemoryResult[]> {
  const root = new URL('..', import.meta.url).pathname;
  if (variants.some((v) => v.runtime === 'built')) await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
  const results: MemoryResult[] = [];
  for (const v of variants) {
    const child = v.runtime === 'built' ? ['dist/bench/memory-child.js'] : ['--import', 'tsx', 'bench/memory-child.ts'];
    const { stdout } = await run(process.execPath, ['--expose-gc', ...v.flags, ...child, v.mode], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 2 ** 20,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('MEMORY-RESULT '));
    if (!line) throw new Error(`memory child (${v.name}) printed no result`);
    results.push({ variant: v.name, ...(JSON.parse(line.slice('MEMORY-RESULT '.length)) as Omit<MemoryResult, 'variant'>) });
  }
  return results;
}
