import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { describe, expect, it } from 'vitest';
import { detectCrisis, detectorRegexes } from '../../src/safety/detector.js';
import { normalizeForSafety, normalizeRegexes } from '../../src/safety/normalize.js';
import { windowsOf, WINDOW_CHARS } from '../../src/safety/windows.js';

/*
 * Every regular expression the crisis screen runs, checked two ways. By its shape: an unbounded repeat (`*`, `+`,
 * `{n,}`) only ever over one character or character class, never over a group, and a group repeated at most eight
 * times; with the screen reading windows of bounded length (windows.ts), that rules out catastrophic backtracking.
 * And by running it: against long repeats of each of its alternatives and of each of its word lists, which is
 * where exponential backtracking shows (one such repeat took 3.3 s before the word lists were bounded). The bound
 * there is a hundred times what a linear pattern takes, so a loaded machine cannot fail it, and a pattern that
 * doubles with every word would.
 */

const parser = new RegExpParser({ ecmaVersion: 2025 });
const regexes: readonly RegExp[] = [...new Set([...detectorRegexes, ...normalizeRegexes])];

function astOf(re: RegExp) {
  return parser.parseLiteral(`/${re.source}/${re.flags}`);
}

/** A string a piece of a pattern matches: its characters, a representative of each class, each repeat's minimum. */
function sample(elements: readonly Element[]): string {
  let out = '';
  for (const e of elements) {
    switch (e.type) {
      case 'Character':
        out += String.fromCodePoint(e.value);
        break;
      case 'CharacterClass':
        out += e.negate ? ' ' : e.elements[0]?.type === 'Character' ? String.fromCodePoint(e.elements[0].value) : e.elements[0]?.type === 'CharacterClassRange' ? String.fromCodePoint(e.elements[0].min.value) : 'a';
        break;
      case 'CharacterSet':
        out += e.kind === 'space' ? (e.negate ? 'a' : ' ') : e.kind === 'digit' ? (e.negate ? 'a' : '1') : e.kind === 'any' ? 'a' : 'a';
        break;
      case 'Group':
      case 'CapturingGroup':
        out += sample(e.alternatives[0]!.elements);
        break;
      case 'Quantifier':
        out += sample([e.element]).repeat(Math.max(e.min, 1));
        break;
      default:
        break; // assertions and lookarounds match no characters
    }
  }
  return out;
}

/** Subjects aimed at a pattern: each alternative and each whole word list, repeated with and without spaces. */
function adversarialSubjects(re: RegExp): string[] {
  const lists: Alternative[][] = [];
  visitRegExpAST(astOf(re), {
    onGroupEnter: (g) => void lists.push(g.alternatives),
    onCapturingGroupEnter: (g) => void lists.push(g.alternatives),
    onPatternEnter: (p) => void lists.push(p.alternatives),
  });
  const pieces = new Set<string>();
  for (const alternatives of lists) {
    const words = alternatives.map((a) => sample(a.elements)).filter((w) => w.trim());
    for (const w of words) pieces.add(w);
    if (words.length > 1) pieces.add(words.join(' '));
  }
  const subjects: string[] = [];
  const length = WINDOW_CHARS * 2;
  for (const piece of pieces) {
    for (const glue of [' ', '']) {
      const unit = piece + glue;
      subjects.push(unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + ' #');
    }
  }
  return subjects;
}

function runAll(re: RegExp, subject: string): void {
  re.lastIndex = 0;
  if (!re.global) {
    re.exec(subject);
    return;
  }
  for (let m = re.exec(subject), n = 0; m && n < 10_000; m = re.exec(subject), n++) if (m[0].length === 0) re.lastIndex++;
  re.lastIndex = 0;
}

describe('every crisis-screen pattern runs in linear time', () => {
  it('has no unbounded repeat over a group, and no group repeated more than eight times', () => {
    const problems: string[] = [];
    for (const re of regexes) {
      visitRegExpAST(astOf(re), {
        onQuantifierEnter(q) {
          const overGroup = q.element.type === 'Group' || q.element.type === 'CapturingGroup';
          if (overGroup && (q.max === Infinity || q.max > 8)) problems.push(`${q.raw.slice(0, 60)} in /${re.source.slice(0, 40)}…/`);
        },
      });
    }
    expect(problems).toEqual([]);
  });

  it('stays fast on long repeats of each of its alternatives and word lists', () => {
    const slow: string[] = [];
    let subjects = 0;
    for (const re of regexes) {
      for (const subject of adversarialSubjects(re)) {
        subjects++;
        const started = performance.now();
        runAll(re, subject);
        let took = performance.now() - started;
        if (took > 50) {
          // Measured again, so a pause of the machine's own is not taken for the pattern's.
          const again = performance.now();
          runAll(re, subject);
          took = Math.min(took, performance.now() - again);
        }
        if (took > 50) slow.push(`${took.toFixed(0)} ms: /${re.source.slice(0, 40)}…/ on "${subject.slice(0, 40)}…"`);
      }
    }
    expect(subjects).toBeGreaterThan(2000);
    expect(slow).toEqual([]);
  }, 120_000);

  it('screens the repeat that used to stall the process, and a whole message of it, without stalling', () => {
    const attack = `i want to ${'fucking '.repeat(40)}x`;
    expect(detectCrisis(attack).level).not.toBe('crisis');
    const long = `${'i want to '.repeat(10)}${'fucking really just so '.repeat(330)}die`.slice(0, 8000);
    // Long enough for many windows; whatever the verdict, it comes back (the bench measures how fast).
    expect(windowsOf(long).length).toBeGreaterThan(20);
    expect(['crisis', 'unsure', 'none']).toContain(detectCrisis(long).level);
  });

  it('treats a message it could not finish screening in time as a possible crisis, never as nothing', () => {
    let t = 0;
    const clock = (): number => (t += 10);
    const text = 'work was long and the bus was late again, then pasta and some tv. '.repeat(40);
    expect(detectCrisis(text, { budgetMs: 25, now: clock })).toMatchObject({ level: 'unsure', matched: ['budget'] });
    expect(detectCrisis(text).level).toBe('none');
  });

  it('reads a crisis sentence buried in a long ordinary message', () => {
    const ordinary = 'work was long today and the bus was late again, then i made pasta and watched some tv with my sister. ';
    const text = `${ordinary.repeat(4)}honestly i want to kill myself tonight. ${ordinary.repeat(4)}`;
    expect(windowsOf(text).length).toBeGreaterThan(1);
    expect(detectCrisis(text)).toMatchObject({ level: 'crisis', category: 'suicide' });
  });

  it('cuts windows that cover every character of the message', () => {
    const text = `${'word '.repeat(200)}${'x'.repeat(1000)} end. short one. ${'another sentence here. '.repeat(30)}`;
    const windows = windowsOf(text);
    expect(windows.every((w) => w.length <= WINDOW_CHARS)).toBe(true);
    for (const word of ['end', 'short', 'another']) expect(windows.some((w) => w.includes(word))).toBe(true);
    expect(normalizeForSafety(windows.join(' ')).length).toBeGreaterThan(0);
  });
});
