/**
 * Training for the learned part of the crisis detector (see model.ts): softmax regression with L2, full-batch Adam
 * from zero weights over the examples in the order given. Nothing random, so it is deterministic. Used by
 * scripts/train-crisis-model.ts and its test, never at run time.
 */
import { featureSlots } from './model-features.js';

export const MODEL_BITS = 16;
export const MODEL_CLASSES = ['none', 'suicide', 'self-harm', 'overdose', 'danger'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

export interface TrainingExample {
  /** Normalized text (normalizeForSafety). */
  readonly text: string;
  readonly label: string;
}

export interface TrainedWeights {
  /** Class after class, `2^MODEL_BITS` each. */
  readonly w: Float64Array;
  readonly bias: Float64Array;
}

const EPOCHS = 150;
const RATE = 0.05;
const L2 = Number(process.env.CRISIS_L2 ?? 2e-4);

export function trainCrisisModel(examples: readonly TrainingExample[]): TrainedWeights {
  const K = MODEL_CLASSES.length;
  const D = 1 << MODEL_BITS;
  const xs = examples.map((e) => featureSlots(e.text, MODEL_BITS));
  const ys = examples.map((e) => {
    const k = MODEL_CLASSES.indexOf(e.label as ModelClass);
    if (k < 0) throw new Error(`unknown label ${e.label}`);
    return k;
  });
  // Ordinary messages weigh half in all and the four crisis categories share the other half equally, so that 40
  // danger messages count as much as 120 about suicide, and neither side drowns the other.
  const counts = new Array<number>(K).fill(0);
  for (const y of ys) counts[y]!++;
  const present = counts.filter((c, k) => k > 0 && c > 0).length;
  const classWeight = counts.map((c, k) => (!c ? 0 : k === 0 ? 0.5 / c : 0.5 / (present * c)));
  const total = ys.reduce((s, y) => s + classWeight[y]!, 0);

  const w = new Float64Array(K * D);
  const bias = new Float64Array(K);
  const g = new Float64Array(K * D);
  const gb = new Float64Array(K);
  const m = new Float64Array(K * D);
  const v = new Float64Array(K * D);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const z = new Float64Array(K);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    g.fill(0);
    gb.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      const cw = classWeight[y]! / total;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = bias[k]!;
        const o = k * D;
        for (let j = 0; j < x.length; j++) s += w[o + x[j]!]!;
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
      for (let k = 0; k < K; k++) {
        const d = (z[k]! / sum - (k === y ? 1 : 0)) * cw;
        gb[k]! += d;
        const o = k * D;
        for (let j = 0; j < x.length; j++) g[o + x[j]!]! += d;
      }
    }
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let p = 0; p < w.length; p++) {
      const grad = g[p]! + L2 * w[p]!;
      if (grad === 0 && m[p] === 0) continue;
      m[p] = b1 * m[p]! + (1 - b1) * grad;
      v[p] = b2 * v[p]! + (1 - b2) * grad * grad;
      w[p]! -= (RATE * (m[p]! / c1)) / (Math.sqrt(v[p]! / c2) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      mb[k] = b1 * mb[k]! + (1 - b1) * gb[k]!;
      vb[k] = b2 * vb[k]! + (1 - b2) * gb[k]! * gb[k]!;
      bias[k]! -= (RATE * (mb[k]! / c1)) / (Math.sqrt(vb[k]! / c2) + 1e-8);
    }
  }
  return { w, bias };
}

/** Weights as int8 codes (base64) with one scale per class, and the biases rounded: about 22 kB per class. */
export function encodeWeights({ w, bias }: TrainedWeights): { scales: number[]; bias: number[]; data: string } {
  const K = MODEL_CLASSES.length;
  const D = 1 << MODEL_BITS;
  const codes = new Int8Array(K * D);
  const scales: number[] = [];
  for (let k = 0; k < K; k++) {
    let max = 0;
    for (let p = k * D; p < (k + 1) * D; p++) max = Math.max(max, Math.abs(w[p]!));
    const scale = Number((max / 127 || 1).toPrecision(6));
    scales.push(scale);
    for (let p = k * D; p < (k + 1) * D; p++) codes[p] = Math.max(-127, Math.min(127, Math.round(w[p]! / scale)));
  }
  return { scales, bias: [...bias].map((b) => Number(b.toFixed(4))), data: Buffer.from(codes.buffer).toString('base64') };
}
