import type { TextScreen } from '../engine/text-gate.js';
import { detectCrisis } from './detector.js';

/**
 * The crisis screen: every piece of free text passes it before any flow reads it. On a crisis it starts the crisis
 * flow (flows/crisis.ts) over whatever was running; an overdose, medical emergency or danger now goes straight to
 * the emergency number. Only the category is passed on, never the text.
 */
export const crisisScreen: TextScreen = (text) => {
  const verdict = detectCrisis(text);
  if (!verdict.crisis) return { kind: 'pass' };
  const emergency = verdict.category === 'overdose' || verdict.category === 'danger';
  return { kind: 'interrupt', reason: verdict.category, flow: 'crisis', args: emergency ? 'emergency' : 'struggling' };
};
