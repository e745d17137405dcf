import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../../src/engine/types.js';
import { crisisVars } from '../../src/safety/crisis-region.js';
import { EngineDriver, allText } from '../helpers/engine-driver.js';
import { UNSURE_EN, unsureScreen } from '../helpers/unsure-screen.js';

function driver(facts?: PersonFacts, vars: Record<string, string> = {}): EngineDriver {
  return new EngineDriver({ screens: [unsureScreen], timingScale: 0.001, vars: { ...crisisVars({ deployment: 'US' }), ...vars }, ...(facts ? { facts } : {}) });
}

/** A check-in up to its last, free-text step (the note). */
function atNote(d: EngineDriver): void {
  d.type('/checkin');
  for (const a of ['3', '2', '7', '3', 'lonely', 'heard', 'note']) d.type(a);
  expect(d.step).toBe('note');
}

describe('the gentle safety check (the screen is unsure)', () => {
  it('asks "are you safe right now?" with the emergency number in the message and three buttons, without the full crisis reply', () => {
    const d = driver();
    atNote(d);
    const t = d.type(UNSURE_EN);
    const ask = t.messages.at(-1)!;
    expect(allText(t)).toContain('Are you safe right now?');
    expect(allText(t)).toContain('please call 911');
    expect(allText(t)).not.toContain('988');
    expect(ask.input?.kind === 'choice' && ask.input.options.map((o) => o.label)).toEqual(["Yes, I'm safe", "No, I'm not", "I'd like to talk to someone"]);
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'safety-check']);
    // A gentle check is not a crisis found: no moderator alert, not counted as a crisis reply.
    expect(t.crisis).toBeUndefined();
  });

  it('"I\'m safe" goes back to exactly where they were, and the note they typed becomes its answer', () => {
    const d = driver();
    atNote(d);
    d.type(UNSURE_EN);
    const t = d.press('safe');
    expect(allText(t)).toContain("Let's carry on where we were.");
    expect(allText(t)).toContain('Thank you for checking in.');
    expect(d.state.stack).toEqual([]);
    const records = d.transitions.flatMap((x) => x.records);
    expect(records).toHaveLength(1);
    expect(records[0]!.values.note).toBe(UNSURE_EN);
  });

  it('"I\'m safe" asks the question again when what they typed is no answer to it (words for a scale)', () => {
    const d = driver();
    d.type('/checkin');
    d.type('3');
    d.type(UNSURE_EN);
    const t = d.press('safe');
    expect(allText(t)).toContain('How strong is any craving');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('craving');
    expect(d.state.stack[0]!.held).toBeUndefined();
  });

  it('"I\'m not safe" gives the full crisis reply in the check\'s place, and the typed text is never stored', () => {
    const d = driver();
    atNote(d);
    d.type(UNSURE_EN);
    const t = d.press('not-safe');
    expect(allText(t)).toContain("I'm really glad you told me");
    expect(allText(t)).toContain('988');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    d.press('misunderstood');
    expect(d.step).toBe('note');
    expect(d.state.stack[0]!.held).toBeUndefined();
    expect(d.transitions.flatMap((x) => x.records)).toEqual([]);
  });

  it('"I\'d like to talk to someone" gives the lines and the saved supporters, then the way back', () => {
    const d = driver({ scheduled: false, paused: false, supporter1: true }, { supporter1: 'Ana', how1: 'call' });
    atNote(d);
    d.type(UNSURE_EN);
    const t = d.press('talk');
    expect(allText(t)).toContain('988 Suicide & Crisis Lifeline');
    const ask = t.messages.at(-1)!;
    expect(ask.input?.kind === 'choice' && ask.input.options.map((o) => o.label)).toContain('Ana');
    d.press('s1');
    const sent = d.press('tether');
    expect(sent.actions.map((a) => a.kind)).toEqual(['reach-out-send']);
    d.press('yes');
    expect(d.step).toBe('note');
  });

  it('a sure crisis message during the check replaces it with crisis help; an unsure one during crisis help only shows where we are', () => {
    const d = driver();
    d.type('/checkin');
    d.type(UNSURE_EN);
    d.type('i want to kill myself tonight');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    const again = d.type(UNSURE_EN);
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    expect(allText(again)).toContain('if you would like some company right now');
  });

  it('checks in even outside any flow and before consent; "I\'m safe" then simply ends', () => {
    const d = new EngineDriver({ screens: [unsureScreen], consented: false, vars: crisisVars({}) });
    const t = d.type(UNSURE_EN);
    expect(allText(t)).toContain('Are you safe right now?');
    expect(allText(t)).toContain('your local emergency number (112 works in many countries)');
    const safe = d.press('safe');
    expect(allText(safe)).toContain('/sos is here any time');
    expect(d.state.stack).toEqual([]);
  });
});
