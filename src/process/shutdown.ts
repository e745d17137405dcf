import type { Logger } from '../runtime/logger.js';

export interface ShutdownStep {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

export type ShutdownOutcome = { readonly kind: 'clean' } | { readonly kind: 'timed-out'; readonly during: string };

/**
 * Runs the steps of a shutdown in order (stop taking events, let running work finish, close connections), within
 * one deadline. Past it, the caller exits anyway: a job cut short is picked up again by another worker or after a
 * restart, and a conversation's state is only ever stored whole.
 */
export async function shutDown(steps: readonly ShutdownStep[], timeoutMs: number, log: Logger): Promise<ShutdownOutcome> {
  let during = steps[0]?.name ?? 'nothing';
  const work = (async () => {
    for (const step of steps) {
      during = step.name;
      try {
        await step.run();
      } catch (error) {
        // One part failing to close must not keep the others open.
        log.warn({ err: (error as Error).message, step: step.name }, 'a part did not close cleanly');
      }
    }
    return { kind: 'clean' } as const;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ShutdownOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out', during }), timeoutMs);
  });
  const outcome = await Promise.race([work, deadline]);
  clearTimeout(timer);
  return outcome;
}

/** Resolves with the first of SIGTERM or SIGINT. */
export function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}
