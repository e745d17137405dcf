import { existsSync, readFileSync } from 'node:fs';
import { detectCrisis } from '../src/safety/detector.js';
import { round } from './stats.js';

/** One labelled message of a set under test/fixtures. */
export interface Labelled {
  readonly text: string;
  readonly crisis: boolean;
  readonly category: string;
  readonly lang: string;
}

export interface CrisisScore {
  readonly set: string;
  readonly messages: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly missed: number;
  readonly falselyFlagged: number;
  readonly byCategory: Record<string, { n: number; flagged: number }>;
  readonly microsPerMessage: number;
}

export const crisisSets = {
  /** Written for the detector's development: its figures are in-sample. */
  development: new URL('../test/fixtures/crisis-messages.jsonl', import.meta.url),
  /** Written for development, in-sample: a second set of phrasings the first patterns missed, used to shape them. */
  development2: new URL('../test/fixtures/crisis-messages-dev2.jsonl', import.meta.url),
  /**
   * Written independently of the first two (indirect phrasing, slang, typos, many hard negatives) and scored before
   * any change it prompted: recall 0.681, 1.6% false positives. Used since then to shape rules and train the model.
   */
  development3: new URL('../test/fixtures/crisis-messages-dev3.jsonl', import.meta.url),
  /**
   * Everyday chat in recovery (going home, doing it myself, wanting to sleep, cravings, meetings; EN and ES), none of
   * it a crisis. Written after the first model flagged 22 of these 153 lines; half-and-half training showed the retrained
   * model with the short-message rule below flags 0-4% of the unseen half. Used since then to train the model.
   */
  everyday: new URL('../test/fixtures/everyday-chat.jsonl', import.meta.url),
  /**
   * Written independently afterwards, never used to shape the patterns or train the model: the honest figure.
   * Patterns alone: recall 0.62, 3.1% false positives; patterns + model (trained on the three development sets): 0.78, 3.1%;
   * after retraining with everyday chat and leaving short messages without a risk word to the patterns (a change made
   * for everyday false positives, measured here once more): 0.76, 3.1%.
   */
  holdout: new URL('../test/fixtures/crisis-messages-holdout.jsonl', import.meta.url),
};

export function readSet(url: URL): Labelled[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

export function scoreSet(name: string, rows: readonly Labelled[]): CrisisScore {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  const byCategory: Record<string, { n: number; flagged: number }> = {};
  const started = process.hrtime.bigint();
  for (const row of rows) {
    const flagged = detectCrisis(row.text).crisis;
    const c = (byCategory[row.category] ??= { n: 0, flagged: 0 });
    c.n++;
    if (flagged) c.flagged++;
    if (row.crisis) flagged ? tp++ : fn++;
    else flagged ? fp++ : tn++;
  }
  const micros = Number(process.hrtime.bigint() - started) / 1000 / rows.length;
  return {
    set: name,
    messages: rows.length,
    recall: round(tp / (tp + fn), 4),
    falsePositiveRate: round(fp / (fp + tn), 4),
    missed: fn,
    falselyFlagged: fp,
    byCategory,
    microsPerMessage: round(micros, 1),
  };
}

export function measureCrisisDetection(): CrisisScore[] {
  return Object.entries(crisisSets)
    .filter(([, url]) => existsSync(url))
    .map(([name, url]) => scoreSet(name, readSet(url)));
}
