import type { AnswerValue } from './types.js';

/**
 * A flow's answers, kept so that storing one more costs the same however many there are: answers live in 16
 * buckets by a hash of the step id, and storing copies only the top level and one bucket. Plain JSON, so it is
 * stored as it is.
 */
export type AnswerMap = Readonly<Record<string, Readonly<Record<string, AnswerValue>>>>;

export const emptyAnswers: AnswerMap = {};

function bucketOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (h & 15).toString(16);
}

export function getAnswer(answers: AnswerMap, id: string): AnswerValue | undefined {
  return answers[bucketOf(id)]?.[id];
}

export function setAnswer(answers: AnswerMap, id: string, value: AnswerValue): AnswerMap {
  const b = bucketOf(id);
  return { ...answers, [b]: { ...answers[b], [id]: value } };
}

export function answerValues(answers: AnswerMap): AnswerValue[] {
  return Object.values(answers).flatMap((bucket) => Object.values(bucket));
}

/** All answers as one flat record (for tests and data export). */
export function answersAsRecord(answers: AnswerMap): Record<string, AnswerValue> {
  return Object.assign({}, ...Object.values(answers)) as Record<string, AnswerValue>;
}
