import { describe, expect, it } from 'vitest';
import type { ScreenVerdict } from '../../src/engine/text-gate.js';
import { STATE_SHAPE } from '../../src/engine/types.js';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

function inCheckin(): EngineDriver {
  const d = new EngineDriver();
  d.type('/checkin');
  return d;
}

describe('answers that do not fit, and commands mid-flow', () => {
  it.each([
    ['0', 'A whole number from 1 to 5'],
    ['6', 'A whole number from 1 to 5'],
    ['2.5', 'A whole number from 1 to 5'],
    ['-1', 'A whole number from 1 to 5'],
    ['great', 'a number from 1 to 5'],
    ['😀😀', 'a number from 1 to 5'],
  ])('re-asks a scale kindly for %j and keeps the flow where it was', (answer, hint) => {
    const d = inCheckin();
    const stateBefore = d.state;
    const t = d.type(answer);
    expect(allText(t)).toContain(hint);
    expect(allText(t)).toContain('How are you doing overall');
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]?.input).toMatchObject({ kind: 'scale', token: stateBefore.stack[0]!.token });
    expect(d.state).toEqual(stateBefore);
    expect(t.changed).toBe(false);
  });

  it('re-asks a choice when the answer matches no option', () => {
    const d = inCheckin();
    for (const a of ['3', '2', '7', '3']) d.type(a);
    expect(d.step).toBe('emotion');
    const t = d.type('purple');
    expect(allText(t)).toContain("couldn't match that");
    expect(d.step).toBe('emotion');
    const byNumber = d.type('12');
    expect(allText(byNumber)).toContain("couldn't match that");
    d.type('over'); // a unique prefix is enough
    expect(d.step).toBe('need');
  });

  it('re-asks a number that is out of range', () => {
    const d = inCheckin();
    d.type('3');
    d.type('2');
    const t = d.type('30 hours');
    expect(allText(t)).toContain('from 0 to 24');
    expect(d.step).toBe('sleep');
  });

  it('refuses a 5,000-character answer without losing anything, then takes a shorter one', () => {
    const d = inCheckin();
    for (const a of ['3', '2', '7', '3', 'sad', 'rest', 'note']) d.type(a);
    expect(d.step).toBe('note');
    const before = d.state;
    const t = d.type('x'.repeat(5000));
    expect(allText(t)).toContain('under 4,000 characters');
    expect(d.state).toEqual(before);
    const long = d.type('y'.repeat(1500));
    expect(allText(long)).toContain('under 1,000 characters');
    const end = d.type('Shorter now.');
    expect(end.records[0]?.values.note).toBe('Shorter now.');
  });

  it('answers empty or invisible text kindly', () => {
    const d = inCheckin();
    for (const text of ['', '   ', '\u200b\u200b', '\n\n']) {
      const t = d.type(text);
      expect(allText(t)).toContain("I didn't catch anything there");
      expect(d.step).toBe('mood');
    }
  });

  it('keeps markup a person typed as plain text, never as emphasis', () => {
    const d = inCheckin();
    for (const a of ['3', '2', '7', '3', 'other']) d.type(a);
    d.type('*bold* _it_ <b>x</b> @everyone');
    for (const a of ['rest', 'note']) d.type(a);
    const end = d.type('skip');
    const reflection = end.messages.find((m) => m.text.some((s) => s.text.includes('@everyone')))!;
    const span = reflection.text.find((s) => s.text.includes('@everyone'))!;
    expect(span).toEqual({ text: '*bold* _it_ <b>x</b> @everyone' });
  });

  it('shows help in the middle of a flow and asks the same question again', () => {
    const d = inCheckin();
    d.type('3');
    const token = d.state.stack[0]!.token;
    const t = d.type('/help');
    expect(allText(t)).toContain('/checkin');
    expect(allText(t)).toContain('not treatment');
    expect(t.messages.at(-1)?.input).toMatchObject({ kind: 'scale', token });
    expect(d.step).toBe('craving');
  });

  it('handles an unknown command and re-asks', () => {
    const d = inCheckin();
    const t = d.type('/dance');
    expect(allText(t)).toContain("I don't know the command /dance");
    expect(d.step).toBe('mood');
  });

  it('says so when the same flow is started again, and keeps its place', () => {
    const d = inCheckin();
    d.type('4');
    const t = d.type('/checkin');
    expect(allText(t)).toContain("We're already in the check-in");
    expect(d.step).toBe('craving');
  });

  it('nests an exercise started by command inside a check-in, then comes back', () => {
    const d = inCheckin();
    d.type('4');
    const t = d.type('/ground');
    expect(allText(t)).toContain("Let's do the grounding exercise first");
    for (let i = 0; i < 5; i++) d.type('done');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('craving');
  });

  it('leaves any flow kindly with /cancel, and says when there is nothing to stop', () => {
    const d = inCheckin();
    d.type('4');
    const t = d.type('/cancel');
    expect(allText(t)).toContain("we've stopped the check-in");
    expect(allText(t)).toContain("What you answered in it wasn't saved.");
    expect(d.state.stack).toEqual([]);
    const again = d.type('/cancel');
    expect(allText(again)).toContain("There's nothing running right now");
  });

  it('tells a stale button apart from a current one', () => {
    const d = inCheckin();
    const oldToken = d.state.stack[0]!.token;
    d.type('4');
    const stale = d.send({ type: 'choice', token: oldToken, value: '1' });
    expect(allText(stale)).toContain('belongs to an earlier question');
    expect(stale.changed).toBe(false);
    expect(d.step).toBe('craving');
    d.type('/cancel');
    const ended = d.send({ type: 'choice', token: oldToken, value: '1' });
    expect(allText(ended)).toContain('already ended');
  });

  it('answers text outside any flow with what it can do', () => {
    const d = new EngineDriver();
    const t = d.type('hello?');
    expect(allText(t)).toContain('/checkin');
    expect(t.changed).toBe(false);
  });

  it('welcomes with what Tether is and is not, and opens a deep-linked flow', () => {
    const d = new EngineDriver();
    const t = d.type('/start checkin');
    expect(allText(t)).toContain('not treatment');
    expect(allText(t)).toContain('not an emergency service');
    expect(d.flow).toBe('checkin');
  });

  it('runs every screen on free text before the flow sees it, and the flow waits', () => {
    const seen: string[] = [];
    const screen = (text: string): ScreenVerdict => {
      seen.push(text);
      return text.includes('STOP')
        ? { kind: 'interrupt', reason: 'test', messages: [{ text: [{ text: 'screen answered' }] }] }
        : { kind: 'pass' };
    };
    const d = new EngineDriver({ screens: [screen] });
    d.type('/checkin');
    const t = d.type('STOP 3');
    expect(allText(t)).toBe('screen answered');
    expect(d.step).toBe('mood');
    d.type('  3  ');
    expect(seen).toEqual(['STOP 3', '3']);
    expect(d.step).toBe('craving');
  });

  it('screens what follows a command too', () => {
    const screen = (text: string): ScreenVerdict =>
      text.includes('STOP') ? { kind: 'interrupt', reason: 'test', messages: [{ text: [{ text: 'screen answered' }] }] } : { kind: 'pass' };
    const d = new EngineDriver({ screens: [screen] });
    const t = d.type('/breathe STOP now');
    expect(allText(t)).toBe('screen answered');
    expect(d.state.stack).toEqual([]);
  });

  it('starts afresh from a stored state of an unknown shape instead of misreading it', () => {
    const d = new EngineDriver();
    d.state = { shape: 99, stack: [{ bogus: true }] } as never;
    const t = d.type('/checkin');
    expect(allText(t)).toContain('How are you doing overall');
    expect(d.state.shape).toBe(STATE_SHAPE);
  });
});
