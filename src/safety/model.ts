/**
 * The learned part of the crisis detector: softmax regression over hashed word and character features of the
 * normalized text (model-features.ts), trained by scripts/train-crisis-model.ts on the development sets and committed
 * as int8 weights (model-weights.ts). It reads phrasings no pattern names ("sorting out who gets my dog", "tuk 2 many
 * percs") by the words and word pieces they share with labelled examples. Local and deterministic; no text leaves the
 * process.
 */
import { forEachFeature } from './model-features.js';
import { modelWeights } from './model-weights.js';
import type { CrisisCategory } from './patterns.js';

export interface ModelScore {
  /** Probability the message is a crisis: 1 - p(none). */
  readonly crisis: number;
  /** The most likely crisis category. */
  readonly category: CrisisCategory;
}

export interface CrisisModel {
  score(normalized: string): ModelScore;
}

export interface ModelWeightsData {
  readonly bits: number;
  readonly classes: readonly string[];
  readonly scales: readonly number[];
  readonly bias: readonly number[];
  readonly data: string;
}

export function crisisModelFrom(weights: ModelWeightsData): CrisisModel {
  const { bits, classes, scales, bias } = weights;
  const K = classes.length;
  const D = 1 << bits;
  if (classes[0] !== 'none' || scales.length !== K || bias.length !== K) throw new Error('crisis model weights: unexpected shape');
  const raw = Buffer.from(weights.data, 'base64');
  if (raw.length !== K * D) throw new Error(`crisis model weights: expected ${K * D} bytes, got ${raw.length}`);
  const codes = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  // Sums of int8 codes per class; each feature counted once per message (an epoch stamp instead of a Set).
  const sums = new Int32Array(K);
  const stamp = new Uint32Array(D);
  let epoch = 0;
  const add = (slot: number): void => {
    if (stamp[slot] === epoch) return;
    stamp[slot] = epoch;
    for (let k = 0; k < K; k++) sums[k]! += codes[k * D + slot]!;
  };
  const z = new Float64Array(K);
  return {
    score(t) {
      epoch = (epoch + 1) >>> 0 || 1;
      sums.fill(0);
      forEachFeature(t, bits, add);
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        z[k] = bias[k]! + sums[k]! * scales[k]!;
        if (z[k]! > max) max = z[k]!;
      }
      let total = 0;
      for (let k = 0; k < K; k++) total += z[k] = Math.exp(z[k]! - max);
      let best = 1;
      for (let k = 2; k < K; k++) if (z[k]! > z[best]!) best = k;
      return { crisis: 1 - z[0]! / total, category: classes[best] as CrisisCategory };
    },
  };
}

export const crisisModel: CrisisModel = crisisModelFrom(modelWeights);
