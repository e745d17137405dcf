import { describe, expect, it } from 'vitest';
import { groupCheckinFlow, GROUP_CHECKIN_COMMAND } from '../../src/community/group-flow.js';
import { BUILT_IN_QUESTIONS, parseQuestions, readQuestions, type Question } from '../../src/community/settings.js';
import { compileFlows, mergeRegistries } from '../../src/engine/flow.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import { builtInRegistry } from '../../src/features/registry.js';
import { EngineDriver } from '../helpers/engine-driver.js';

const scope = { community: 'telegram:-1', occasion: '2027-03-01' };

function driverFor(questions: readonly Question[]): EngineDriver {
  return new EngineDriver({ registry: mergeRegistries(builtInRegistry(), compileFlows([groupCheckinFlow(questions)])) });
}

describe("a community's group check-in, built from its moderators' questions", () => {
  it('compiles for every built-in question alone, and for all of them with questions of their own', () => {
    for (const q of BUILT_IN_QUESTIONS) expect(() => compileFlows([groupCheckinFlow([{ builtIn: q }])])).not.toThrow();
    const all = readQuestions(JSON.parse((parseQuestions(`${BUILT_IN_QUESTIONS.join(';')};Did you eat well today?`) as { value: string }).value));
    expect(compileFlows([groupCheckinFlow(all)]).flows.size).toBe(1);
  });

  it('asks in the order given, records the answers with the community and occasion, and says no more', () => {
    const d = driverFor([{ own: 'Did you reach out to anyone today?' }, { builtIn: 'mood' }]);
    const first = d.send({ type: 'command', name: GROUP_CHECKIN_COMMAND, scope });
    expect(toPlainText(first.messages[0]!.text)).toContain('Your answers stay private');
    expect(toPlainText(first.messages[0]!.text)).toContain('Did you reach out to anyone today?');
    d.type('4');
    const last = d.type('2');
    expect(last.records).toEqual([{ type: 'group-checkin', values: { own1: 4, mood: 2 }, scope }]);
    expect(d.state.stack).toEqual([]);
  });

  it('sets aside a run whose flow no longer exists (the questions changed), with a word, instead of breaking', () => {
    const d = driverFor([{ builtIn: 'mood' }, { builtIn: 'craving' }]);
    d.send({ type: 'command', name: GROUP_CHECKIN_COMMAND, scope });
    const stale = d.state;
    const other = driverFor([{ builtIn: 'stress' }]);
    other.state = stale;
    const t = other.type('3');
    expect(toPlainText(t.messages[0]!.text)).toContain("set aside what we were in the middle of");
    expect(other.state.stack).toEqual([]);
  });

  it('rejects questions with mentions, markup or links, and too many of them', () => {
    expect(parseQuestions('mood; @everyone are you ok?')).toMatchObject({ ok: false });
    expect(parseQuestions('mood; see https://example.org')).toMatchObject({ ok: false });
    expect(parseQuestions('mood; *bold* question')).toMatchObject({ ok: false });
    expect(parseQuestions(Array.from({ length: 9 }, (_, i) => `Question number ${i}?`).join(';'))).toMatchObject({ ok: false });
    expect(parseQuestions('mood; mood')).toMatchObject({ ok: false });
  });
});
