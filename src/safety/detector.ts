import { normalizeForSafety } from './normalize.js';
import { aboutOthersOrMedia, crisisPatterns, everyday, idioms, negations, nowFrame, pastFrame, type CrisisCategory } from './patterns.js';

export interface CrisisVerdict {
  readonly crisis: boolean;
  /** The strongest category found, or `none`. */
  readonly category: CrisisCategory | 'none';
  readonly score: number;
  /** Ids of the patterns that matched (never the text itself). */
  readonly matched: readonly string[];
  /** Why a match was set aside, if it was. */
  readonly setAside?: 'idiom' | 'everyday' | 'past' | 'not-about-now' | 'negated';
}

const none: CrisisVerdict = { crisis: false, category: 'none', score: 0, matched: [] };

/**
 * Reads one message for signs of a crisis happening now. Local and deterministic: no text leaves the process.
 * Leans towards noticing: a message that could be suicidal thinking counts, unless it is plainly a figure of
 * speech, told as the past, about others or media, or the person says they are not in danger.
 */
export function detectCrisis(text: string): CrisisVerdict {
  const t = normalizeForSafety(text);
  if (!t) return none;
  let score = 0;
  const matched: string[] = [];
  const byCategory = new Map<CrisisCategory, number>();
  for (const pattern of crisisPatterns) {
    if (!pattern.re.test(t)) continue;
    score += pattern.weight;
    matched.push(pattern.id);
    byCategory.set(pattern.category, (byCategory.get(pattern.category) ?? 0) + pattern.weight);
  }
  if (score < 1) return { ...none, score, matched };

  const now = nowFrame.some((re) => re.test(t));
  if (idioms.some((re) => re.test(t))) return { ...none, score, matched, setAside: 'idiom' };
  if (everyday.some((re) => re.test(t)) && !now) return { ...none, score, matched, setAside: 'everyday' };
  if (negations.some((re) => re.test(t))) return { ...none, score, matched, setAside: 'negated' };
  if (pastFrame.some((re) => re.test(t)) && !now) return { ...none, score, matched, setAside: 'past' };
  if (aboutOthersOrMedia.some((re) => re.test(t)) && !now) return { ...none, score, matched, setAside: 'not-about-now' };

  const category = [...byCategory.entries()].sort((a, b) => b[1] - a[1] || priority(a[0]) - priority(b[0]))[0]![0];
  return { crisis: true, category, score, matched };
}

/** When two categories tie, the one that needs help fastest comes first. */
function priority(category: CrisisCategory): number {
  return { overdose: 0, danger: 1, 'self-harm': 2, suicide: 3 }[category];
}
