import { LANGUAGES, type Language } from '../../engine/types.js';
import { en } from './en.js';
import { es } from './es.js';

/**
 * Every word of crisis help, one module per language (en.ts, es.ts): the crisis reply, the gentle safety check,
 * the way back to what was paused, the group answer to /sos and the international default. Pre-written and
 * checked, never generated; no method details, no dosing. Flow texts use the flows' markup (`*bold*`, `_italic_`,
 * `{@value}`); the rest is plain.
 */
export interface CrisisTexts {
  readonly crisisTitle: string;
  readonly crisisSummary: string;
  readonly now: string;
  readonly nowEmergency: string;
  readonly nowStruggling: string;
  readonly emergency: string;
  readonly struggling: string;
  readonly lines: string;
  readonly regionAsk: string;
  /** The countries offered when the region is unknown, by code, and the button for anywhere else. */
  readonly regionNames: Readonly<Record<OfferedRegion, string>>;
  readonly regionOther: string;
  /** The chosen country's numbers (`lines` already in the list form), in flow markup. */
  regionLines(name: string, emergency: string, lines: readonly string[]): string;
  readonly regionOtherLines: string;
  readonly offer: string;
  readonly offerBreathe: string;
  readonly offerGround: string;
  readonly offerSomeone: string;
  readonly offerMisunderstood: string;
  readonly misunderstood: string;
  readonly stillHere: string;
  /** Reaching someone: the person's saved supporters, /reachout, or a word on how to ask. */
  readonly someoneAsk: string;
  readonly someoneNone: string;
  readonly someoneReachOut: string;
  readonly someoneNotNow: string;
  /** How to reach supporter `n` (flow markup with {@supporterN} and {@howN}). */
  someoneHow(n: number): string;
  readonly sendThroughTether: string;
  readonly sendMyself: string;
  /** The request itself, sent to the supporter through Tether, as the person's words. */
  readonly request: string;
  readonly sent: string;
  readonly ownWords: string;
  /** The way back to what the crisis help interrupted. */
  readonly back: string;
  readonly backYes: string;
  readonly backNo: string;
  readonly resumed: string;
  readonly setAside: string;
  /** The gentle check when a message might mean danger. */
  readonly checkTitle: string;
  readonly checkSummary: string;
  readonly checkAsk: string;
  readonly checkSafe: string;
  readonly checkNotSafe: string;
  readonly checkTalk: string;
  readonly checkSafeSay: string;
  readonly checkSafeResume: string;
  readonly checkTalkSay: string;
  /** Where no region is known. */
  readonly internationalEmergency: string;
  readonly internationalLine: string;
  /** /sos in a group: brief, nothing personal; `emergency` is a number or the international wording. Plain text. */
  groupSos(emergency: string): { readonly bold: string; readonly rest: string };
  readonly privateButton: string;
}

/** The countries the crisis reply offers as buttons when it does not know where the person is. */
export const OFFERED_REGIONS = ['US', 'GB', 'ES', 'MX', 'CA', 'AU'] as const;
export type OfferedRegion = (typeof OFFERED_REGIONS)[number];

export const crisisTexts: Readonly<Record<Language, CrisisTexts>> = { en, es };

/**
 * The language crisis help speaks for a locale the platform reports (`es`, `es-MX`, `en_US`): English or Spanish,
 * or undefined for any other (then the message's own language decides). Never a region.
 */
export function languageOfLocale(locale: string | null | undefined): Language | undefined {
  const code = (locale ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : undefined;
}
