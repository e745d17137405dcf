import { measureCrisisDetection, measureHarmless, measureScreenSpeed, type CrisisScore, type HarmlessScore, type ScreenSpeed } from './crisis.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export interface CrisisReport {
  readonly sets: CrisisScore[];
  readonly harmless: HarmlessScore;
  readonly speed: ScreenSpeed[];
}

/** Prints the crisis screen's figures as tables (targets beside them) and returns them for the JSON result. */
export function printCrisisReport(): CrisisReport {
  const sets = measureCrisisDetection();
  console.log('\nCrisis detection (either level counts: the crisis reply or the gentle check; "sure" is the crisis reply alone)');
  console.log('Targets on sets never tuned on: recall >= 0.90 in each language, false alarms <= 5% in each language, every crisis kind >= 0.80');
  console.table(
    sets.map((s) => ({
      set: s.set,
      'in-sample': s.inSample ? 'yes' : 'NO',
      n: s.messages,
      recall: s.recall,
      'recall (sure)': s.recallSure,
      'false alarms': pct(s.falsePositiveRate),
      'false alarms (sure)': pct(s.falsePositiveSure),
      ...Object.fromEntries(Object.entries(s.byLanguage).flatMap(([l, r]) => [[`recall ${l}`, r.recall.any], [`FA ${l}`, pct(r.falsePositives.any)]])),
      'µs/msg': s.microsPerMessage,
    })),
  );
  for (const s of sets.filter((x) => !x.inSample && Object.keys(x.byKind).some((k) => k.includes('-')))) {
    console.log(`\n${s.set}, by kind (crisis kinds: share answered; other kinds: share falsely answered)`);
    console.table(Object.entries(s.byKind).map(([kind, r]) => ({ kind, n: r.n, any: r.any, sure: r.sure })));
  }
  const harmless = measureHarmless();
  console.log(`\nGenerated harmless sentences (target <= 0.5%): ${harmless.sentences}, flagged ${pct(harmless.flaggedAny)} (sure ${pct(harmless.flaggedSure)}); ${Object.entries(harmless.byLanguage).map(([l, r]) => `${l} ${pct(r)}`).join(', ')}`);
  const speed = measureScreenSpeed();
  console.log('\nScreening time (targets: chat-length p99 <= 0.5 ms, 8,000 characters <= 5 ms, nothing above 50 ms)');
  console.table(speed);
  return { sets, harmless, speed };
}
