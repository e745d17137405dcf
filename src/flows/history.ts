import type { FlowDefinition } from '../engine/flow.js';

/** /history: the last check-ins in short form. */
export const history = {
  id: 'history',
  command: 'history',
  title: 'Your check-ins',
  summary: 'your last check-ins, in short form',
  private: true,
  needsConsent: true,
  steps: [{ id: 'show', kind: 'say', action: 'history', say: 'Your last check-ins:', next: 'end' }],
} as const satisfies FlowDefinition;
