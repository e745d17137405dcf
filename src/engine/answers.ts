import type { CompiledOption, CompiledStep } from './flow.js';
import type { AnswerValue } from './types.js';

/** How an answer did or did not fit the step that asked. */
export type AnswerResult =
  | { readonly ok: true; readonly value: AnswerValue; readonly option?: CompiledOption }
  | { readonly ok: false; readonly problem: 'out-of-range' | 'not-a-number' | 'unknown-option' | 'too-long' | 'no-words' }
  /** A text step that reads a format (a time, a time zone…) could not: `reason` says how to write it. */
  | { readonly ok: false; readonly problem: 'unreadable'; readonly reason: string };

const skipWords = new Set(['skip', 'pass', 'no', 'nope', 'none', 'nothing', 'no thanks', 'n/a', 'na', '-', 'omitir', 'saltar', 'nada']);
const numberWords: Record<string, number> = {
  zero: 0, none: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
};

/** Lower case, no emoji or punctuation, single spaces: how labels and typed answers are compared. */
/**
 * Whether the text is one of the step's buttons typed out (its label exactly, or its number): Tether's own words,
 * which no screen needs to read ("Just note it" is a button, not a note).
 */
export function typesAnOption(step: { readonly options: ReadonlyArray<{ readonly label: string }> }, text: string): boolean {
  // Only words and ordinary punctuation: "Not now 🔪" is not just the button.
  if (!/^[\p{L}\p{N}\s.,:;!?'’()/-]*$/u.test(text.trim())) return false;
  const wanted = normalizeLabel(text);
  if (/^\d+$/.test(wanted)) return Number(wanted) >= 1 && Number(wanted) <= step.options.length;
  return step.options.some((o) => normalizeLabel(o.label) === wanted);
}

export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A skip word ("skip", "no", "nada"…) or the step's own skip label typed out ("Done", "Nothing to add"). */
export function isSkip(text: string, skipLabel?: string): boolean {
  const t = normalizeLabel(text);
  return skipWords.has(t) || text.trim() === '-' || (skipLabel !== undefined && t === normalizeLabel(skipLabel));
}

function readNumber(text: string): number | undefined {
  const t = normalizeLabel(text.replace(',', '.')).replace(/(\d) \. (\d)/, '$1.$2');
  const digits = /-?\d+(?:\.\d+)?/.exec(text.replace(',', '.'));
  if (digits) return Number(digits[0]);
  const word = t.split(' ').find((w) => w in numberWords);
  return word === undefined ? undefined : numberWords[word];
}

/** Reads typed text as an answer to `step` (buttons arrive as option ids and go through here too). */
export function readAnswer(step: CompiledStep, text: string, hasWords: boolean): AnswerResult {
  switch (step.kind) {
    case 'scale':
    case 'number': {
      if (step.kind === 'number' && step.skippable && isSkip(text, step.skipLabel)) return { ok: true, value: null };
      const n = readNumber(text);
      if (n === undefined || Number.isNaN(n)) return { ok: false, problem: 'not-a-number' };
      if (step.kind === 'scale' && !Number.isInteger(n)) return { ok: false, problem: 'out-of-range' };
      if (n < step.min || n > step.max) return { ok: false, problem: 'out-of-range' };
      return { ok: true, value: n };
    }
    case 'choice': {
      const options = step.options;
      const wanted = normalizeLabel(text);
      const byIndex = /^\d+$/.test(wanted) ? options[Number(wanted) - 1] : undefined;
      const found =
        byIndex ??
        options.find((o) => o.id === text.trim() || normalizeLabel(o.label) === wanted) ??
        uniquePrefix(options, wanted);
      if (found) return { ok: true, value: found.id, option: found };
      if (step.skippable && isSkip(text)) return { ok: true, value: null };
      return { ok: false, problem: 'unknown-option' };
    }
    case 'text': {
      if (step.skippable && isSkip(text, step.skipLabel)) return { ok: true, value: null };
      if (text.length > step.maxLength) return { ok: false, problem: 'too-long' };
      if (step.parser) {
        const parsed = step.parser(text);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: 'unreadable', reason: parsed.reason };
      }
      return { ok: true, value: text };
    }
    case 'say':
      return hasWords ? { ok: false, problem: 'unknown-option' } : { ok: false, problem: 'no-words' };
  }
}

function uniquePrefix(options: readonly CompiledOption[], wanted: string): CompiledOption | undefined {
  if (wanted.length < 3) return undefined;
  const hits = options.filter((o) => normalizeLabel(o.label).startsWith(wanted));
  return hits.length === 1 ? hits[0] : undefined;
}
