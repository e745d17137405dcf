import type { Labelled } from '../bench/crisis.js';
import { builtInFlows } from '../src/flows/index.js';

export const isCrisisHelp = (flowId: string): boolean => /^(?:crisis|safety-check)(?:-|$)/.test(flowId);

/**
 * Every button label of Tether's own flows but crisis help's, as ordinary messages for the learned model: people type them out
 * ("box breathing", "I have a code from the other one"), and a label must never read as a crisis.
 */
export function buttonLabels(): Labelled[] {
  const labels = new Set<string>();
  // Crisis help's own choices ("I'm not safe") name a crisis on purpose.
  for (const flow of builtInFlows.filter((f) => !isCrisisHelp(f.id))) {
    for (const step of flow.steps) if ('options' in step) for (const o of step.options as ReadonlyArray<{ label: string }>) labels.add(o.label);
  }
  return [...labels].map((text) => ({ text, crisis: false, category: 'none', lang: 'en', kind: 'button' }));
}
