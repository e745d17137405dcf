import { pino } from 'pino';
import { handleEvent } from '../src/engine/engine.js';
import { compileFlows, type FlowDefinition, type StepDefinition } from '../src/engine/flow.js';
import { emptyState, type ConversationState } from '../src/engine/types.js';
import type { InboundEvent } from '../src/core/messages.js';
import { ConversationRuntime } from '../src/runtime/runtime.js';
import { InMemoryConversationStore } from '../src/store/in-memory-store.js';
import { round, summarize } from './stats.js';

/** A flow of `n` questions of every kind, answered in order, ending with a record. */
function syntheticFlow(n: number): { flow: FlowDefinition; answers: string[] } {
  const steps: StepDefinition[] = [];
  const answers: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `q${i}`;
    switch (i % 4) {
      case 0:
        steps.push({ id, kind: 'scale', say: `Question ${i}: how is it, {q0}?`, min: 1, max: 5, minLabel: 'low', maxLabel: 'high' });
        answers.push(String((i % 5) + 1));
        break;
      case 1:
        steps.push({ id, kind: 'choice', say: `Question ${i}: pick one`, options: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }, { id: 'c', label: 'Gamma' }] });
        answers.push('beta');
        break;
      case 2:
        steps.push({ id, kind: 'number', say: `Question ${i}: a number`, min: 0, max: 24, unit: 'hours' });
        answers.push('7.5');
        break;
      default:
        steps.push({ id, kind: 'text', say: `Question ${i}: a few words`, maxLength: 200, skippable: true });
        answers.push('a short note of a few words');
    }
  }
  steps.push({ id: 'done', kind: 'say', say: 'Thanks, {q0}.', record: { type: 'bench', values: { first: 'q0' } } });
  return { flow: { id: `bench-${n}`, command: `bench${n}`, title: 'Bench', summary: 'bench', private: true, needsConsent: false, steps }, answers };
}

const settings = { timingScale: 1, followUpMs: 3_600_000, highCraving: 7 };
export const FLOW_SIZES = [4, 16, 64, 256] as const;

export interface StepCost {
  readonly steps: number;
  readonly engineUsPerStep: number;
  readonly engineP99Us: number;
  readonly runtimeUsPerStep: number;
  readonly runtimeP99Us: number;
}

/** The pure engine: (state, event) → transition, nothing else. */
function engineOnly(n: number, minSteps: number): number[] {
  const { flow, answers } = syntheticFlow(n);
  const registry = compileFlows([flow]);
  const samples: number[] = [];
  const runs = Math.ceil(minSteps / n);
  for (let r = 0; r < runs; r++) {
    let state: ConversationState = emptyState;
    state = handleEvent(state, { type: 'command', name: flow.command! }, { now: 0, registry, settings, consented: true }).state;
    for (const answer of answers) {
      const event: InboundEvent = { type: 'text', text: answer };
      const t0 = process.hrtime.bigint();
      const t = handleEvent(state, event, { now: 0, registry, settings, consented: true });
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
      state = t.state;
    }
  }
  return samples;
}

/** The runtime's whole path (lock, cache, engine, commit, delivery) over an in-memory store. */
async function throughRuntime(n: number, minSteps: number): Promise<number[]> {
  const { flow, answers } = syntheticFlow(n);
  const registry = compileFlows([flow]);
  const store = new InMemoryConversationStore();
  const runtime = new ConversationRuntime({
    store,
    registry,
    settings,
    timers: { schedule: async () => undefined, cancel: async () => undefined },
    sinks: [{ platform: 'bench', deliver: async () => undefined }],
    log: pino({ level: 'silent' }),
  });
  const key = { platform: 'bench', chatId: 'c', userId: 'u' };
  const samples: number[] = [];
  const runs = Math.ceil(minSteps / n);
  for (let r = 0; r < runs; r++) {
    await runtime.dispatch({ key }, { type: 'command', name: flow.command! });
    for (const answer of answers) {
      const t0 = process.hrtime.bigint();
      await runtime.dispatch({ key }, { type: 'text', text: answer });
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return samples;
}

export async function measureEngineCost(minSteps = 40_000): Promise<StepCost[]> {
  const results: StepCost[] = [];
  for (const n of FLOW_SIZES) {
    engineOnly(n, 2_000); // warm-up
    await throughRuntime(n, 2_000);
    const e = summarize(engineOnly(n, minSteps));
    const r = summarize(await throughRuntime(n, minSteps));
    results.push({ steps: n, engineUsPerStep: round(e.mean), engineP99Us: round(e.p99), runtimeUsPerStep: round(r.mean), runtimeP99Us: round(r.p99) });
  }
  return results;
}
