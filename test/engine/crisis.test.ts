import { describe, expect, it } from 'vitest';
import type { Language, PersonFacts } from '../../src/engine/types.js';
import { crisisVars, type RegionSources } from '../../src/safety/crisis-region.js';
import { crisisScreen } from '../../src/safety/screen.js';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

function withScreen(region?: string, options: { facts?: PersonFacts; language?: Language; sources?: RegionSources; vars?: Record<string, string> } = {}): EngineDriver {
  const vars = { ...crisisVars(options.sources ?? { deployment: region }), ...options.vars };
  return new EngineDriver({ screens: [crisisScreen], timingScale: 0.001, vars, ...(options.facts ? { facts: options.facts } : {}), ...(options.language ? { language: options.language } : {}) });
}

/** Plays the rest of a timed exercise. */
function playTimers(d: EngineDriver): void {
  while (d.state.timers.some((t) => t.kind === 'step')) d.fireStepTimer();
}

describe('crisis response (engine with the crisis screen)', () => {
  it('pauses a check-in on a crisis message, gives the region\'s lines, and continues after "it was a misunderstanding"', () => {
    const d = withScreen('GB');
    d.type('/checkin');
    d.type('3');
    const t = d.type('honestly everyone would be better off without me');
    const text = allText(t);
    expect(text).toContain("I'm really glad you told me");
    expect(text).toContain('Samaritans: call 116 123');
    expect(text).toContain('999');
    expect(d.flow).toBe('crisis');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    expect(t.crisis).toBe('suicide');
    const back = d.press('misunderstood');
    expect(allText(back)).toContain('sorry for jumping in');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('craving');
    // The crisis message itself was never taken as an answer.
    expect(d.transitions.flatMap((x) => x.records)).toEqual([]);
  });

  it('puts the emergency number first for an emergency in progress', () => {
    const d = withScreen('US');
    const t = d.type("my friend isn't breathing after using, what do i do");
    const text = allText(t);
    expect(text.indexOf('Please call 911 now')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Please call 911 now')).toBeLessThan(text.indexOf('988'));
  });

  it('answers /sos at any time, even before consent, with the international default when no region is known', () => {
    const d = new EngineDriver({ consented: false, vars: crisisVars({}) });
    const ask = d.type('/sos');
    expect(allText(ask)).toContain('in danger right now?');
    const t = d.press('struggling');
    expect(allText(t)).toContain('findahelpline.com');
    expect(allText(t)).toContain('your local emergency number');
  });

  it('lets idioms, cravings coped with and past events through to the flow', () => {
    const d = withScreen();
    d.type('/checkin');
    for (const a of ['3', '2', '7', '3', 'other']) d.type(a);
    const t = d.type('this traffic is killing me');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('need');
    expect(allText(t)).not.toContain('glad you told me');
  });
});

describe('every crisis path goes back to what was paused, or says it was set aside', () => {
  it('pauses a breathing exercise; after "breathe with me" it offers the way back, and going back continues it', () => {
    const d = withScreen('GB');
    d.type('/checkin');
    d.type('3');
    d.type('i want to kill myself tonight');
    d.press('breathe');
    expect(d.flow).toBe('breathe');
    playTimers(d);
    expect(allText(d.transitions.at(-1)!)).toContain('How do you feel now?');
    const offer = allText(d.press('calmer'));
    expect(offer).toContain("I'm still here");
    expect(offer).toContain('Shall we go back to your check-in?');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    const back = d.press('yes');
    expect(allText(back)).toContain('Back to your check-in, where we left off.');
    expect(allText(back)).toContain('How strong is any craving');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('craving');
  });

  it('after grounding, "not now" sets the check-in aside and says how to start it again', () => {
    const d = withScreen('GB');
    d.type('/checkin');
    d.type('i want to kill myself tonight');
    d.press('ground');
    expect(d.flow).toBe('ground');
    // Grounding asks five things; any words do.
    for (let i = 0; i < 12 && d.flow === 'ground'; i++) {
      const step = d.state.stack.at(-1)!;
      if (d.state.timers.some((t) => t.kind === 'step')) d.fireStepTimer();
      else if (step.token) d.type('a lamp');
    }
    expect(allText(d.transitions.at(-1)!)).toContain('Shall we go back to your check-in?');
    const aside = d.press('no');
    expect(allText(aside)).toContain("I've set your check-in aside; /checkin starts it again");
    expect(d.state.stack).toEqual([]);
  });

  it('"reach someone I trust" offers the saved supporters by name and sends a linked one a request through Tether', () => {
    const facts: PersonFacts = { scheduled: false, paused: false, supporter1: true, supporter2: true };
    const d = withScreen('US', { facts, vars: { supporter1: 'Ana', supporter2: 'Sam', how1: 'call after 6pm', how2: 'text first' } });
    d.type('/checkin');
    d.type('i want to kill myself tonight');
    const who = d.press('someone');
    const ask = who.messages.at(-1)!;
    expect(allText(who)).toContain('the people you saved in /supporters');
    expect(ask.input?.kind === 'choice' && ask.input.options.map((o) => o.label)).toEqual(['Ana', 'Sam', 'Word a request with /reachout', 'Not right now']);
    const how = d.press('s2');
    expect(allText(how)).toContain('To reach Sam: text first.');
    const sent = d.press('tether');
    expect(sent.actions).toEqual([{ kind: 'reach-out-send', args: { to: 's2' }, text: "I'm having a really hard time right now. Could you call me or come and be with me?" }]);
    expect(allText(sent)).toContain('Shall we go back to your check-in?');
    d.press('yes');
    expect(d.flow).toBe('checkin');
  });

  it('"reach someone" without saved supporters says how to ask, and points to /supporters and /reachout', () => {
    const d = withScreen('US');
    d.type('/sos');
    d.press('struggling');
    const t = d.press('someone');
    expect(allText(t)).toContain('/supporters keeps the people you trust');
    expect(allText(t)).toContain('/reachout');
    const end = d.press('not-now');
    // Nothing was paused: it simply ends, with /sos there any time.
    expect(allText(end)).toContain('/sos brings them back any time');
    expect(d.state.stack).toEqual([]);
  });

  it('/reachout from crisis help comes back to crisis help, then to the check-in', () => {
    const facts: PersonFacts = { scheduled: false, paused: false, supporter1: true };
    const d = withScreen('US', { facts, vars: { supporter1: 'Ana', how1: 'call' } });
    d.type('/checkin');
    d.type('i want to kill myself tonight');
    d.press('someone');
    d.press('reachout');
    expect(d.flow).toBe('reach-out');
    d.press('hard-time');
    d.press('text-back');
    d.press('s1');
    d.press('myself');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    expect(allText(d.transitions.at(-1)!)).toContain('Shall we go back to your check-in?');
  });

  it('a second crisis message while breathing brings crisis help back, not a second copy of it', () => {
    const d = withScreen('US');
    d.type('/checkin');
    d.type('i want to kill myself tonight');
    d.press('breathe');
    const again = d.type('i want to kill myself tonight');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    expect(again.cancelledTimers.length).toBeGreaterThan(0);
    expect(allText(again)).toContain('if you would like some company right now');
  });
});

describe('free text in button data', () => {
  it('screens a forged button value for a free-text step: crisis help, and nothing stored as a note', () => {
    const d = withScreen('US');
    d.type('/checkin');
    for (const a of ['3', '2', '7', '3', 'lonely', 'heard', 'note']) d.type(a);
    expect(d.step).toBe('note');
    const t = d.press('I want to end my life tonight');
    expect(d.flow).toBe('crisis');
    expect(t.crisis).toBe('suicide');
    expect(allText(t)).toContain("I'm really glad you told me");
    expect(d.transitions.flatMap((x) => x.records)).toEqual([]);
  });

  it('screens a forged value on a choice step too', () => {
    const d = withScreen('US');
    d.type('/checkin');
    const t = d.press('i want to kill myself tonight');
    expect(d.flow).toBe('crisis');
    expect(t.crisis).toBe('suicide');
  });

  it('still reads an ordinary value sent as button data for a free-text step', () => {
    const d = withScreen('US');
    d.type('/checkin');
    for (const a of ['3', '2', '7', '3', 'lonely', 'heard', 'note']) d.type(a);
    const t = d.press('a quiet day');
    expect(t.records[0]?.values.note).toBe('a quiet day');
  });
});
