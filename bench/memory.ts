import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Tether's memory with 10,000 active conversations, measured in child processes that run only what Tether runs
 * (bench/memory-child.ts), so this harness's own memory does not count. The variants:
 * - `eager`: every platform SDK and the chart libraries loaded at start, as Tether did before (the "before");
 * - `lean`: only what a terminal-only process needs (the chart libraries now load on the first /trends; the
 *   platform adapters load only when their token is set: src/main.ts imports them lazily);
 * - `lean` with a cap on V8's old generation, or with --optimize-for-size: both collect garbage sooner instead of
 *   letting the heap grow to a few times what is live (the peak is mostly garbage not yet collected);
 * - `lean` with one V8 background thread (--v8-pool-size=1), alone and with the cap.
 */
export interface MemoryVariant {
  readonly name: string;
  readonly mode: 'eager' | 'lean';
  readonly flags: readonly string[];
}

export const MEMORY_VARIANTS: readonly MemoryVariant[] = [
  { name: 'before: every SDK loaded at start', mode: 'eager', flags: [] },
  { name: 'after: lazy SDKs and charts', mode: 'lean', flags: [] },
  { name: 'after + --max-old-space-size=128', mode: 'lean', flags: ['--max-old-space-size=128'] },
  { name: 'after + --optimize-for-size', mode: 'lean', flags: ['--optimize-for-size'] },
  // V8's background threads (one per core by default) each hold compilation memory for Prisma's wasm.
  { name: 'after + --v8-pool-size=1', mode: 'lean', flags: ['--v8-pool-size=1'] },
  { name: 'after + --v8-pool-size=1 --max-old-space-size=128', mode: 'lean', flags: ['--v8-pool-size=1', '--max-old-space-size=128'] },
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
  const child = new URL('./memory-child.ts', import.meta.url).pathname;
  const results: MemoryResult[] = [];
  for (const v of variants) {
    const { stdout } = await run(process.execPath, ['--expose-gc', ...v.flags, '--import', 'tsx', child, v.mode], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 2 ** 20,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('MEMORY-RESULT '));
    if (!line) throw new Error(`memory child (${v.name}) printed no result`);
    results.push({ variant: v.name, ...(JSON.parse(line.slice('MEMORY-RESULT '.length)) as Omit<MemoryResult, 'variant'>) });
  }
  return results;
}
