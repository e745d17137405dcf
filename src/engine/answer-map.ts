/** One answer: an option id, a number, text, or nothing (skipped). */
export type AnswerValue = string | number | null;

/**
 * A flow's answers, kept so that storing one more costs the same however many there are: answers sit in a two-level
 * tree of 16 × 16 buckets chosen by a hash of the step id, each bucket a short list of [id, value] pairs. Storing
 * copies one path (at most 16 + 16 entries and one short list) instead of every answer, and every object in the tree
 * has the same few shapes, which keeps lookups fast. Plain JSON, so it is stored as it is.
 */
type Leaf = ReadonlyArray<readonly [string, AnswerValue]>;
type Middle = ReadonlyArray<Leaf | null>;
export type AnswerMap = ReadonlyArray<Middle | null>;

export const emptyAnswers: AnswerMap = [];

function pathOf(id: string): [number, number] {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return [h & 15, (h >>> 4) & 15];
}

export function getAnswer(answers: AnswerMap, id: string): AnswerValue | undefined {
  const [a, b] = pathOf(id);
  const leaf = answers[a]?.[b];
  if (!leaf) return undefined;
  for (const [key, value] of leaf) if (key === id) return value;
  return undefined;
}

export function setAnswer(answers: AnswerMap, id: string, value: AnswerValue): AnswerMap {
  const [a, b] = pathOf(id);
  const middle = answers[a] ?? [];
  const leaf = (middle[b] ?? []).filter(([key]) => key !== id);
  const nextMiddle = Array.from({ length: Math.max(middle.length, b + 1) }, (_, i) => (i === b ? [...leaf, [id, value] as const] : (middle[i] ?? null)));
  return Array.from({ length: Math.max(answers.length, a + 1) }, (_, i) => (i === a ? nextMiddle : (answers[i] ?? null)));
}

export function answerValues(answers: AnswerMap): AnswerValue[] {
  return answers.flatMap((middle) => (middle ?? []).flatMap((leaf) => (leaf ?? []).map(([, value]) => value)));
}
