import { handleEvent, type EngineContext } from '../../src/engine/engine.js';
import type { FlowRegistry } from '../../src/engine/flow.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import type { TextScreen } from '../../src/engine/text-gate.js';
import { emptyState, type ConversationState, type Language, type PersonFacts, type Transition } from '../../src/engine/types.js';
import type { InboundEvent } from '../../src/core/messages.js';
import { textToEvent } from '../../src/adapters/shared/inbound-text.js';
import { builtInRegistry } from '../../src/features/registry.js';

/** Drives the pure engine the way the runtime does, keeping state between events. No platform, no database. */
export class EngineDriver {
  state: ConversationState = emptyState;
  now = 1_000_000;
  readonly transitions: Transition[] = [];
  private readonly ctx: Omit<EngineContext, 'now'>;

  constructor(
    options: {
      registry?: FlowRegistry;
      screens?: TextScreen[];
      highCraving?: number;
      timingScale?: number;
      consented?: boolean;
      vars?: Record<string, string>;
      facts?: PersonFacts;
      language?: Language;
    } = {},
  ) {
    this.ctx = {
      consented: options.consented ?? true,
      ...(options.vars ? { vars: options.vars } : {}),
      ...(options.facts ? { facts: options.facts } : {}),
      ...(options.language ? { language: options.language } : {}),
      registry: options.registry ?? builtInRegistry(),
      settings: { timingScale: options.timingScale ?? 1, followUpMs: 60 * 60_000, highCraving: options.highCraving ?? 7 },
      ...(options.screens ? { screens: options.screens } : {}),
    };
  }

  send(event: InboundEvent): Transition {
    const t = handleEvent(this.state, event, { ...this.ctx, now: this.now });
    this.state = t.state;
    this.transitions.push(t);
    return t;
  }

  /** A typed line: `/command args` or text. */
  type(line: string): Transition {
    return this.send(textToEvent(line));
  }

  /** Presses a button of the last prompt. */
  press(value: string): Transition {
    const token = this.state.stack.at(-1)?.token ?? '';
    return this.send({ type: 'choice', token, value });
  }

  /** Fires the earliest pending step timer, moving the clock to its due time. */
  fireStepTimer(): Transition {
    const timer = [...this.state.timers].filter((t) => t.kind === 'step').sort((a, b) => a.dueAt - b.dueAt)[0];
    if (!timer) throw new Error('no step timer pending');
    this.now = Math.max(this.now, timer.dueAt);
    return this.send({ type: 'timer', timerId: timer.id });
  }

  get step(): string | undefined {
    return this.state.stack.at(-1)?.stepId;
  }

  get flow(): string | undefined {
    return this.state.stack.at(-1)?.flowId;
  }
}

export function texts(t: Transition): string[] {
  return t.messages.map((m) => toPlainText(m.text));
}

export function allText(t: Transition): string {
  return texts(t).join('\n');
}
