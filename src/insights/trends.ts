import type { CheckInSummary } from '../store/conversation-store.js';

/*
 * What a person's own check-ins say over time, computed locally and shown only to them: averages over 7 and 30 days,
 * which feelings and needs came with the strongest cravings, and which responses were followed by a lower craving at
 * the next check-in. Plain arithmetic, no model; small numbers are said to be small.
 */

/** A check-in as trends read it. */
export type TrendPoint = CheckInSummary & { readonly response: string };

export interface WindowSummary {
  readonly days: number;
  readonly checkIns: number;
  readonly mood: number | null;
  readonly craving: number | null;
  readonly stress: number | null;
  readonly sleep: number | null;
}

export interface Trends {
  readonly week: WindowSummary;
  readonly month: WindowSummary;
  /** Feelings and needs with the highest average craving (at least two check-ins each). */
  readonly cravingByEmotion: ReadonlyArray<{ readonly name: string; readonly craving: number; readonly n: number }>;
  readonly cravingByNeed: ReadonlyArray<{ readonly name: string; readonly craving: number; readonly n: number }>;
  /** For each response, how the craving changed by the next check-in (negative: lower). */
  readonly afterResponse: ReadonlyArray<{ readonly response: string; readonly change: number; readonly n: number }>;
}

const DAY = 86_400_000;

const mean = (xs: readonly number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

function window(points: readonly TrendPoint[], now: number, days: number): WindowSummary {
  const inside = points.filter((p) => p.at.getTime() > now - days * DAY);
  return {
    days,
    checkIns: inside.length,
    mood: mean(inside.map((p) => p.mood)),
    craving: mean(inside.map((p) => p.craving)),
    stress: mean(inside.map((p) => p.stress)),
    sleep: mean(inside.flatMap((p) => (p.sleepHours === null ? [] : [p.sleepHours]))),
  };
}

function byKey(points: readonly TrendPoint[], key: 'emotion' | 'need') {
  const groups = new Map<string, number[]>();
  for (const p of points) groups.set(p[key], [...(groups.get(p[key]) ?? []), p.craving]);
  return [...groups]
    .filter(([, xs]) => xs.length >= 2)
    .map(([name, xs]) => ({ name, craving: mean(xs)!, n: xs.length }))
    .sort((a, b) => b.craving - a.craving)
    .slice(0, 3);
}

/** `points` oldest first. */
export function computeTrends(points: readonly TrendPoint[], now: number): Trends {
  const recent = points.filter((p) => p.at.getTime() > now - 30 * DAY);
  const changes = new Map<string, number[]>();
  for (let i = 0; i + 1 < recent.length; i++) {
    const a = recent[i]!;
    const b = recent[i + 1]!;
    if (b.at.getTime() - a.at.getTime() > 3 * DAY) continue; // too far apart to say anything
    changes.set(a.response, [...(changes.get(a.response) ?? []), b.craving - a.craving]);
  }
  return {
    week: window(points, now, 7),
    month: window(points, now, 30),
    cravingByEmotion: byKey(recent, 'emotion'),
    cravingByNeed: byKey(recent, 'need'),
    afterResponse: [...changes].map(([response, xs]) => ({ response, change: mean(xs)!, n: xs.length })).sort((a, b) => a.change - b.change),
  };
}

const responseNames: Record<string, string> = { ground: 'a grounding exercise', 'reach-out': 'reaching out', reasons: 'looking at your reasons', note: 'just noting it' };

/** The same as the chart says, in words: for screen readers and the terminal. */
export function trendsText(t: Trends): string {
  if (t.month.checkIns === 0) return 'No check-ins in the last 30 days yet. After a few, /trends shows how things move.';
  const line = (w: WindowSummary) =>
    w.checkIns === 0
      ? `Last ${w.days} days: no check-ins.`
      : `Last ${w.days} days: ${w.checkIns} check-in${w.checkIns === 1 ? '' : 's'}; mood ${w.mood}/5, craving ${w.craving}/10, stress ${w.stress}/5${w.sleep === null ? '' : `, sleep ${w.sleep} h`} on average.`;
  const out = [line(t.week), line(t.month)];
  if (t.cravingByEmotion.length) out.push(`Cravings were strongest with: ${t.cravingByEmotion.map((e) => `${e.name} (${e.craving}/10 over ${e.n})`).join(', ')}.`);
  if (t.cravingByNeed.length) out.push(`…and when you needed: ${t.cravingByNeed.map((e) => `${e.name === 'heard' ? 'to be heard' : e.name} (${e.craving}/10 over ${e.n})`).join(', ')}.`);
  const helped = t.afterResponse.filter((r) => r.change < 0);
  if (helped.length) out.push(`By the next check-in, cravings were lower after ${helped.map((r) => `${responseNames[r.response] ?? r.response} (${r.change} on average, ${r.n} time${r.n === 1 ? '' : 's'})`).join(', ')}.`);
  if (t.month.checkIns < 5) out.push('These are only a few check-ins, so read them lightly.');
  return out.join('\n');
}
