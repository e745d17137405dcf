import type { FlowDefinition, StepDefinition } from '../src/engine/flow.js';

/**
 * The check-in both frameworks run in bench/peer-conversations.ts: `steps` questions, alternating a 1–5 scale and
 * a short free-text answer, then a closing word. Started with `/bench<steps>`.
 */
export const PEER_SIZES = [4, 16, 64, 256] as const;

export const command = (steps: number) => `bench${steps}`;

export function scaleQuestion(step: number, steps: number): string {
  return `Step ${step} of ${steps}: from 1 (low) to 5 (high), how steady do you feel?`;
}

export function textQuestion(step: number, steps: number): string {
  return `Step ${step} of ${steps}: in a few words, what is on your mind?`;
}

export const CLOSING = 'Thank you. That was everything for now.';

/** What the person answers at each step (0-based): a number on scale steps, a few words on text steps. */
export function answerFor(index: number): string {
  return index % 2 === 0 ? String((index % 5) + 1) : 'a bit tired but okay today';
}

/** Tether's version: a flow as data, as in src/flows. */
export function tetherBenchFlow(steps: number): FlowDefinition {
  const questions: StepDefinition[] = Array.from({ length: steps }, (_, i): StepDefinition =>
    i % 2 === 0
      ? { id: `q${i + 1}`, kind: 'scale', say: scaleQuestion(i + 1, steps), min: 1, max: 5, minLabel: 'low', maxLabel: 'high' }
      : { id: `q${i + 1}`, kind: 'text', say: textQuestion(i + 1, steps), maxLength: 500 },
  );
  return {
    id: `bench-${steps}`,
    command: command(steps),
    title: `Benchmark check-in of ${steps} steps`,
    summary: `a ${steps}-step check-in used by npm run bench`,
    private: true,
    needsConsent: false,
    steps: [...questions, { id: 'closing', kind: 'say', say: CLOSING }],
  };
}
