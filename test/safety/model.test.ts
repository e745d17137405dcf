import { describe, expect, it } from 'vitest';
import { readSet, trainingSets } from '../../bench/crisis.js';
import { buttonLabels } from '../../scripts/button-labels.js';
import { crisisModel } from '../../src/safety/model.js';
import { featureSlots } from '../../src/safety/model-features.js';
import { encodeWeights, MODEL_BITS, trainCrisisModel } from '../../src/safety/model-training.js';
import { modelWeights } from '../../src/safety/model-weights.js';
import { normalizeForSafety } from '../../src/safety/normalize.js';

// Only the training sets: no held-out set is ever read to train or check the model.
const developmentRows = () => [...trainingSets.flatMap((u) => readSet(u)), ...buttonLabels()];
const examples = (rows: ReturnType<typeof developmentRows>) =>
  rows.map((r) => ({ text: normalizeForSafety(r.text), label: r.crisis ? r.category : 'none' }));

describe('learned crisis model', () => {
  it('is what training on the development sets gives: the committed weights are reproducible byte for byte', () => {
    const encoded = encodeWeights(trainCrisisModel(examples(developmentRows())));
    expect(encoded.scales).toEqual(modelWeights.scales);
    expect(encoded.bias).toEqual(modelWeights.bias);
    expect(encoded.data === modelWeights.data).toBe(true);
  });

  it('trains deterministically: the same examples give the same weights twice', () => {
    const few = examples(developmentRows().slice(0, 200));
    const a = encodeWeights(trainCrisisModel(few));
    const b = encodeWeights(trainCrisisModel(few));
    expect(a.data === b.data).toBe(true);
    expect(a.scales).toEqual(b.scales);
  });

  it('gives the same score for the same text, whatever came before', () => {
    const t = normalizeForSafety('sorting out who gets my dog when i am gone');
    const first = crisisModel.score(t);
    crisisModel.score(normalizeForSafety('nice weather today'));
    expect(crisisModel.score(t)).toEqual(first);
    expect(first.crisis).toBeGreaterThan(0);
    expect(first.crisis).toBeLessThan(1);
  });

  it('counts each feature once: repeating a message does not make it more of a crisis', () => {
    const slots = featureSlots('i want to die', MODEL_BITS);
    expect(new Set(slots).size).toBe(slots.length);
    const once = crisisModel.score(normalizeForSafety('pills'));
    const twice = crisisModel.score(normalizeForSafety('pills pills'));
    // Only the pair "pills pills" and the runs across the gap are new.
    expect(Math.abs(twice.crisis - once.crisis)).toBeLessThan(0.5);
  });
});
