import { existsSync, readFileSync } from 'node:fs';
import { detectCrisis } from '../src/safety/detector.js';
import { harmlessSentences } from './harmless-sentences.js';
import { percentile, round } from './stats.js';

/** One labelled message of a set under test/fixtures. */
export interface Labelled {
  readonly text: string;
  readonly crisis: boolean;
  readonly category: string;
  readonly lang: string;
  /** The kind of message (suicide-indirect, overdose-now, idiom, past-story, ...), in the sets written since December. */
  readonly kind?: string;
}

interface Rate {
  readonly n: number;
  /** Share answered at either level (the crisis reply or the gentle "are you safe?" check). */
  readonly any: number;
  /** Share answered with the full crisis reply. */
  readonly sure: number;
}

export interface CrisisScore {
  readonly set: string;
  /** Whether the detector was shaped or trained on this set (its figures then say little). */
  readonly inSample: boolean;
  readonly messages: number;
  /** Crisis messages answered at either level. */
  readonly recall: number;
  /** Crisis messages answered with the full crisis reply. */
  readonly recallSure: number;
  /** Ordinary messages answered at either level. */
  readonly falsePositiveRate: number;
  /** Ordinary messages answered with the full crisis reply. */
  readonly falsePositiveSure: number;
  readonly byLanguage: Record<string, { recall: Rate; falsePositives: Rate }>;
  readonly byKind: Record<string, Rate>;
  readonly microsPerMessage: number;
}

export const crisisSets = {
  /** Written for the detector's development: its figures are in-sample. */
  development: new URL('../test/fixtures/crisis-messages.jsonl', import.meta.url),
  /** Written for development, in-sample: a second set of phrasings the first patterns missed, used to shape them. */
  development2: new URL('../test/fixtures/crisis-messages-dev2.jsonl', import.meta.url),
  /** Written independently of the first two and scored once before use (recall 0.681); since then used to shape rules and train. */
  development3: new URL('../test/fixtures/crisis-messages-dev3.jsonl', import.meta.url),
  /** Everyday chat in recovery (EN and ES), none of it a crisis; used to train the model. */
  everyday: new URL('../test/fixtures/everyday-chat.jsonl', import.meta.url),
  /** December's training sets: about 1,800 English and 1,400 Spanish messages as people type, with hard negatives; trained on. */
  trainEnglish: new URL('../test/fixtures/crisis-train-en.jsonl', import.meta.url),
  trainSpanish: new URL('../test/fixtures/crisis-train-es.jsonl', import.meta.url),
  /** A second December training set aimed at what detectors find hard (indirect farewells, symptoms, dark humour, negation, past stories), EN and ES; trained on. */
  trainHard: new URL('../test/fixtures/crisis-train-2.jsonl', import.meta.url),
  /** Plain generated talk (scripts/write-background-chat.ts), none of it a crisis: what ordinary words look like to the model. */
  background: new URL('../test/fixtures/background-chat.jsonl', import.meta.url),
  /**
   * Written independently and never trained on, but its misses were read by earlier sessions while they changed
   * rules: out of sample for the model, not quite for the patterns.
   */
  holdout: new URL('../test/fixtures/crisis-messages-holdout.jsonl', import.meta.url),
  /**
   * Written in December by someone who saw neither the detector nor any other set, before any tuning, and never read
   * by whoever changes the detector: the honest figure.
   */
  heldout2026: new URL('../test/fixtures/crisis-heldout-2026-12.jsonl', import.meta.url),
  /**
   * A second one, written the same way while the first was being scored, told to avoid the stock phrases the first
   * reused, and committed before the second round of tuning: scored once before it and once after.
   */
  heldout2026b: new URL('../test/fixtures/crisis-heldout-2026-12b.jsonl', import.meta.url),
};

const outOfSample = new Set(['holdout', 'heldout2026', 'heldout2026b']);

/** The sets the learned model is trained on (scripts/train-crisis-model.ts); never a held-out one. */
export const trainingSets: readonly URL[] = [
  crisisSets.development,
  crisisSets.development2,
  crisisSets.development3,
  crisisSets.everyday,
  crisisSets.trainEnglish,
  crisisSets.trainSpanish,
  crisisSets.trainHard,
  crisisSets.background,
];

export function readSet(url: URL): Labelled[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

class Tally {
  n = 0;
  any = 0;
  sure = 0;
  add(level: string): void {
    this.n++;
    if (level !== 'none') this.any++;
    if (level === 'crisis') this.sure++;
  }
  rate(): Rate {
    return { n: this.n, any: round(this.any / (this.n || 1), 4), sure: round(this.sure / (this.n || 1), 4) };
  }
}

export function scoreSet(name: string, rows: readonly Labelled[]): CrisisScore {
  const positives = new Tally();
  const negatives = new Tally();
  const langs = new Map<string, { p: Tally; n: Tally }>();
  const kinds = new Map<string, Tally>();
  const started = process.hrtime.bigint();
  for (const row of rows) {
    const { level } = detectCrisis(row.text);
    const lang = langs.get(row.lang) ?? { p: new Tally(), n: new Tally() };
    langs.set(row.lang, lang);
    (row.crisis ? positives : negatives).add(level);
    (row.crisis ? lang.p : lang.n).add(level);
    const kind = row.kind ?? (row.crisis ? row.category : 'ordinary');
    const k = kinds.get(kind) ?? new Tally();
    kinds.set(kind, k);
    k.add(level);
  }
  const micros = Number(process.hrtime.bigint() - started) / 1000 / rows.length;
  return {
    set: name,
    inSample: !outOfSample.has(name),
    messages: rows.length,
    recall: positives.rate().any,
    recallSure: positives.rate().sure,
    falsePositiveRate: negatives.rate().any,
    falsePositiveSure: negatives.rate().sure,
    byLanguage: Object.fromEntries([...langs].map(([l, t]) => [l, { recall: t.p.rate(), falsePositives: t.n.rate() }])),
    byKind: Object.fromEntries([...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, t.rate()])),
    microsPerMessage: round(micros, 1),
  };
}

export function measureCrisisDetection(): CrisisScore[] {
  return Object.entries(crisisSets)
    .filter(([, url]) => existsSync(url))
    .map(([name, url]) => scoreSet(name, readSet(url)));
}

export interface HarmlessScore {
  readonly sentences: number;
  readonly flaggedAny: number;
  readonly flaggedSure: number;
  readonly byLanguage: Record<string, number>;
}

/** Share of generated harmless sentences answered at either level (target <= 0.5%). */
export function measureHarmless(count = 6000): HarmlessScore {
  const rows = harmlessSentences(count);
  const any = new Tally();
  const byLang = new Map<string, Tally>();
  for (const row of rows) {
    const { level } = detectCrisis(row.text);
    any.add(level);
    const t = byLang.get(row.lang) ?? new Tally();
    byLang.set(row.lang, t);
    t.add(level);
  }
  return { sentences: count, flaggedAny: any.rate().any, flaggedSure: any.rate().sure, byLanguage: Object.fromEntries([...byLang].map(([l, t]) => [l, t.rate().any])) };
}

export interface ScreenSpeed {
  readonly shape: string;
  readonly messages: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function timeAll(shape: string, texts: readonly string[], rounds: number): ScreenSpeed {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const s = process.hrtime.bigint();
      detectCrisis(t, { budgetMs: Infinity });
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  ms.sort((a, b) => a - b);
  return { shape, messages: ms.length, p50Ms: round(percentile(ms, 50), 3), p99Ms: round(percentile(ms, 99), 3), maxMs: round(ms[ms.length - 1]!, 2) };
}

/**
 * Screening time by shape, with no budget (the raw cost the budget guards): chat-length messages from the sets
 * (target p99 <= 0.5 ms), 8,000 characters of them run together (<= 5 ms), and adversarial repeats aimed at the
 * patterns' word lists (no input above 50 ms).
 */
export function measureScreenSpeed(): ScreenSpeed[] {
  const chat = Object.values(crisisSets).filter(existsSync).flatMap((u) => readSet(u).map((r) => r.text));
  const long: string[] = [];
  for (let i = 0; i < 40; i++) {
    let t = '';
    for (let j = i; t.length < 8000; j += 7) t += `${chat[j % chat.length]} `;
    long.push(t.slice(0, 8000));
  }
  const units = ['fucking ', 'i want to ', 'really just ', 'not going to ', 'sh ', 'kms ', 'me quiero ', 'ya no ', 'a', 'aaaa ', 'my my ', '😂', '. ', 'i am i am ', 'pills and vodka '];
  const adversarial = units.flatMap((u) => [u.repeat(Math.ceil(8000 / u.length)).slice(0, 8000), `i want to ${u.repeat(Math.ceil(7000 / u.length)).slice(0, 7000)} die`]);
  return [timeAll('chat-length (the sets)', chat, 3), timeAll('8,000 characters', long, 3), timeAll('adversarial repeats, 8,000 characters', adversarial, 3)];
}
