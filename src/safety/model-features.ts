/**
 * What the learned crisis model reads: hashed features of the normalized text (normalize.ts), so that leetspeak,
 * chat spelling and drug names reach it in the same plain form the patterns see. Three kinds, each hashed into one
 * table of `2^bits` slots with FNV-1a and no string built per feature:
 *   - words, and pairs of neighbouring words ("not breathing", "me pego");
 *   - character runs of 3 to 5 across word boundaries, which carry typos, stems and Spanish endings the words miss.
 * Shared by training (scripts/train-crisis-model.ts) and inference (model.ts), so both count the same way.
 */

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

const mix = (h: number, c: number): number => Math.imul(h ^ c, PRIME);

/**
 * Calls `emit(slot)` once per feature occurrence in `t` (normalized text). Repeats are emitted again; the caller
 * decides whether counts or presence matter.
 */
export function forEachFeature(t: string, bits: number, emit: (slot: number) => void): void {
  const mask = (1 << bits) - 1;
  const n = t.length;
  // Character runs of 3-5 over " text ", the padding marking where the message starts and ends.
  for (let i = -1; i < n; i++) {
    let h = mix(OFFSET, 1);
    for (let k = 0; k < 5; k++) {
      const j = i + k;
      if (j > n) break;
      const c = j < 0 || j === n ? 32 : t.charCodeAt(j);
      h = mix(h, c);
      if (k >= 2) emit((h >>> 0) & mask);
    }
  }
  // Words and pairs of neighbouring words. Sentence ends (" . ") are words too, so pairs do not reach across them
  // unseen: "." becomes part of the pair.
  let prev = 0;
  let hasPrev = false;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && t.charCodeAt(i) !== 32) continue;
    if (i > start) {
      let w = mix(OFFSET, 2);
      for (let j = start; j < i; j++) w = mix(w, t.charCodeAt(j));
      emit((w >>> 0) & mask);
      if (hasPrev) emit((mix(mix(prev, 3), w) >>> 0) & mask);
      prev = w;
      hasPrev = true;
    }
    start = i + 1;
  }
}

/** The distinct feature slots of `t`, sorted: presence, not counts, so a long message does not outweigh a short one. */
export function featureSlots(t: string, bits: number): Int32Array {
  const seen = new Set<number>();
  forEachFeature(t, bits, (slot) => seen.add(slot));
  return Int32Array.from([...seen].sort((a, b) => a - b));
}
