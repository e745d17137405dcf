import type { OutboundMessage } from './types.js';

/*
 * The one door every piece of free text passes before a flow reads it. Whatever Tether later needs to check
 * first on every platform (crisis detection) is a TextScreen handed to the engine, and runs here.
 */

/** Longer messages are not read at all; no platform sends more than about 4,000 characters at once. */
export const MAX_INBOUND_TEXT = 4000;

export type ScreenVerdict =
  | { readonly kind: 'pass' }
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
    };

export type TextScreen = (text: string) => ScreenVerdict;

export type GateResult =
  | { readonly ok: true; readonly text: string; readonly hasWords: boolean }
  | { readonly ok: false; readonly problem: 'empty' | 'too-long' }
  | { readonly ok: false; readonly problem: 'interrupted'; readonly verdict: Extract<ScreenVerdict, { kind: 'interrupt' }> };

const controlChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g;
const wordChar = /[\p{L}\p{N}]/u;

/** Cleans text (Unicode NFC, no control characters, trimmed, at most two blank lines in a row) and screens it. */
export function passTextGate(raw: string, screens: readonly TextScreen[]): GateResult {
  if (raw.length > MAX_INBOUND_TEXT * 2) return { ok: false, problem: 'too-long' };
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(controlChars, '').replace(/\n{3,}/g, '\n\n').trim();
  if (text.length === 0) return { ok: false, problem: 'empty' };
  for (const screen of screens) {
    const verdict = screen(text);
    if (verdict.kind === 'interrupt') return { ok: false, problem: 'interrupted', verdict };
  }
  if (text.length > MAX_INBOUND_TEXT) return { ok: false, problem: 'too-long' };
  return { ok: true, text, hasWords: wordChar.test(text) };
}
