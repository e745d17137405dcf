import type { FlowDefinition } from '../engine/flow.js';

/** /history: the last check-ins in short form. */
export const history = {
  id: 'history',
  command: 'history',
  title: 'Check-in history',
  summary: 'your last check-ins, in short form',
  private: true,
  needsConsent: true,
  steps: [{ id: 'show', kind: 'say', action: 'history', say: 'Your last check-ins:', next: 'end' }],
} as const satisfies FlowDefinition;

/** /trends: mood, craving, sleep and stress over 7 and 30 days as a chart, the same in words, and what came with cravings. */
export const trends = {
  id: 'trends',
  command: 'trends',
  title: 'Trends view',
  summary: 'mood, craving, sleep and stress over 7 and 30 days, as a chart and in words',
  private: true,
  needsConsent: true,
  steps: [{ id: 'show', kind: 'say', action: 'trends', say: 'Here is how things have moved, from your own check-ins. Only you see this.', next: 'end' }],
} as const satisfies FlowDefinition;
