import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment, storageEnv } from '../helpers/environment.js';

/*
 * SIGTERM in the middle of an exercise: the process finishes what it is doing and exits; started again, the
 * exercise goes on from where it was, every step shown once.
 */

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(async () => {
  await env?.cleanup();
});

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  readonly exited: Promise<number | null>;
}

function startTerminal(): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--console'], {
    env: {
      ...process.env,
      ...storageEnv(env.config),
      TERMINAL_USER: 'sam',
      // Box breathing's four-second steps take 0.2 s.
      TIMING_SCALE: '0.05',
      LOG_LEVEL: 'info',
    },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** The exercise's steps as shown, in order ("Round 2 of 4 / Hold, softly"). */
const stepsIn = (text: string) => [...text.matchAll(/Round (\d) of 4\s+(\S+ \S+)/g)].map((m) => `${m[1]} ${m[2]}`);

describe('graceful shutdown', () => {
  it('stops mid-exercise on SIGTERM, and the exercise continues after a restart', async () => {
    const first = startTerminal();
    first.child.stdin.write('/breathe box\n');
    // Stopped in round 2, with steps still to come.
    await eventually(() => (stepsIn(first.output()).length >= 5 ? true : undefined), 30_000, 'round 2 of the exercise');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const before = stepsIn(first.output());
    expect(before.length).toBeLessThan(16);

    const second = startTerminal();
    try {
      await eventually(() => (second.output().includes('How do you feel now?') ? true : undefined), 30_000, 'the end of the exercise after the restart');
      const after = stepsIn(second.output());
      // Every step of the four rounds exactly once, across the two processes, in order.
      const rounds = [1, 2, 3, 4].flatMap((r) => ['Breathe in', 'Hold, softly…', 'Breathe out', 'Rest before'].map((s) => `${r} ${s}`));
      expect([...before, ...after]).toEqual(rounds);
    } finally {
      second.child.stdin.end('/quit\n');
      await second.exited;
    }
  });
});
