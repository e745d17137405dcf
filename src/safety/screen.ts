import type { ScreenVerdict, TextScreen } from '../engine/text-gate.js';
import { detectCrisis, type CrisisVerdict } from './detector.js';

/**
 * The crisis screen: every piece of free text passes it before any flow reads it. Two levels:
 * - sure (`crisis`): the crisis flow (flows/crisis.ts) starts over whatever was running; an overdose, medical
 *   emergency or danger now goes straight to the emergency number.
 * - unsure: the gentle safety check (flows/safety-check.ts) asks whether the person is safe right now, holding what
 *   they typed for the question it interrupted, so "I'm safe" loses nothing.
 * The reply speaks the message's language when nothing about the person says which. Only the category and the
 * language are passed on, never the text.
 */
export const crisisScreen: TextScreen = (text, context) =>
  verdictToScreen(detectCrisis(text, context?.recentConcern !== undefined ? { recentConcern: context.recentConcern } : {}));

/** What the engine does with a detector's verdict (exported so tests can feed verdicts of their choosing). */
export function verdictToScreen(verdict: Pick<CrisisVerdict, 'level' | 'category' | 'language' | 'concern'>): ScreenVerdict {
  const language = verdict.language ? { language: verdict.language } : {};
  if (verdict.level === 'crisis') {
    const emergency = verdict.category === 'overdose' || verdict.category === 'danger';
    return { kind: 'interrupt', reason: verdict.category, flow: 'crisis', args: emergency ? 'emergency' : 'struggling', replaces: ['safety-check'], ...language };
  }
  if (verdict.level === 'unsure') {
    return { kind: 'interrupt', reason: 'unsure', flow: 'safety-check', crisis: false, hold: true, quietDuring: ['crisis'], ...language };
  }
  return verdict.concern ? { kind: 'pass', concern: Math.round(verdict.concern * 100) / 100 } : { kind: 'pass' };
}
