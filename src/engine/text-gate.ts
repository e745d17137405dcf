import type { Language, OutboundMessage } from './types.js';

/*
 * The one door every piece of free text passes before a flow reads it. Whatever Tether later needs to check
 * first on every platform (crisis detection) is a TextScreen handed to the engine, and runs here.
 */

/** Longer messages are not read at all; no platform sends more than about 4,000 characters at once. */
export const MAX_INBOUND_TEXT = 4000;

export type ScreenVerdict =
  /**
   * Nothing to stop. `concern` (0-1): how far the text leaned towards a crisis without reaching the screen's level
   * for one; the engine keeps it (a number, never the text) for a few minutes as the next message's context.
   */
  | { readonly kind: 'pass'; readonly concern?: number }
  /**
   * Stop here: the text does not reach the flow. The engine sends `messages` and starts `flow` (with `args`) on top
   * of whatever was running, which pauses and can continue afterwards.
   */
  | {
      readonly kind: 'interrupt';
      readonly reason: string;
      readonly messages?: readonly OutboundMessage[];
      readonly flow?: string;
      readonly args?: string;
      /** The language the text is written in: the flow speaks it when nothing about the person says otherwise. */
      readonly language?: Language;
      /**
       * Keep the text for the step it interrupted: given back as that step's answer if the person says all is well
       * (a gentle check that may have asked for nothing).
       */
      readonly hold?: true;
      /** While one of these flows runs (the full crisis help), this verdict only shows where the person is. */
      readonly quietDuring?: readonly string[];
      /** false: a gentle check, not a crisis found (no community alert, not counted as a crisis reply). */
      readonly crisis?: false;
      /** On top of one of these flows (a gentle check), the new flow takes its place instead of piling up. */
      readonly replaces?: readonly string[];
    };

/** What a screen may know besides the text: how much the person's previous message, minutes ago, leaned towards a crisis. */
export interface ScreenContext {
  readonly recentConcern?: number;
}

export type TextScreen = (text: string, context?: ScreenContext) => ScreenVerdict;

export type GateResult =
  | { readonly ok: true; readonly text: string; readonly hasWords: boolean; readonly concern?: number }
  | { readonly ok: false; readonly problem: 'empty' | 'too-long' }
  | { readonly ok: false; readonly problem: 'interrupted'; readonly verdict: Extract<ScreenVerdict, { kind: 'interrupt' }>; readonly text: string };

const controlChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g;
const wordChar = /[\p{L}\p{N}]/u;

/** Cleans text (Unicode NFC, no control characters, trimmed, at most two blank lines in a row) and screens it. */
export function passTextGate(raw: string, screens: readonly TextScreen[], context?: ScreenContext): GateResult {
  if (raw.length > MAX_INBOUND_TEXT * 2) return { ok: false, problem: 'too-long' };
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(controlChars, '').replace(/\n{3,}/g, '\n\n').trim();
  if (text.length === 0) return { ok: false, problem: 'empty' };
  let concern = 0;
  for (const screen of screens) {
    const verdict = screen(text, context);
    if (verdict.kind === 'interrupt') return { ok: false, problem: 'interrupted', verdict, text };
    concern = Math.max(concern, verdict.concern ?? 0);
  }
  if (text.length > MAX_INBOUND_TEXT) return { ok: false, problem: 'too-long' };
  return { ok: true, text, hasWords: wordChar.test(text), ...(concern > 0 ? { concern } : {}) };
}
