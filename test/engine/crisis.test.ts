import { describe, expect, it } from 'vitest';
import { crisisResourcesFor } from '../../src/safety/resources.js';
import { crisisScreen } from '../../src/safety/screen.js';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

function withScreen(region = 'en-GB'): EngineDriver {
  const d = new EngineDriver({ screens: [crisisScreen], timingScale: 0.001 });
  const r = crisisResourcesFor(region);
  (d as unknown as { ctx: { vars: Record<string, string> } }).ctx.vars = { emergency: r.emergency, crisisLines: r.lines.join('\n') };
  return d;
}

describe('crisis response (engine with the crisis screen)', () => {
  it('pauses a check-in on a crisis message, gives the region\'s lines, and continues after "it was a misunderstanding"', () => {
    const d = withScreen('en-GB');
    d.type('/checkin');
    d.type('3');
    const t = d.type('honestly everyone would be better off without me');
    const text = allText(t);
    expect(text).toContain("I'm really glad you told me");
    expect(text).toContain('Samaritans: call 116 123');
    expect(text).toContain('999');
    expect(d.flow).toBe('crisis');
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'crisis']);
    const back = d.press('misunderstood');
    expect(allText(back)).toContain('sorry for jumping in');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('craving');
    // The crisis message itself was never taken as an answer.
    expect(d.transitions.flatMap((x) => x.records)).toEqual([]);
  });

  it('puts the emergency number first for an emergency in progress', () => {
    const d = withScreen('en-US');
    const t = d.type("my friend isn't breathing after using, what do i do");
    const text = allText(t);
    expect(text.indexOf('Please call 911 now')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Please call 911 now')).toBeLessThan(text.indexOf('988'));
  });

  it('answers /sos at any time, even before consent, with the international default when no region is known', () => {
    const d = new EngineDriver({ consented: false });
    const vars = crisisResourcesFor(undefined);
    (d as unknown as { ctx: { vars: Record<string, string> } }).ctx.vars = { emergency: vars.emergency, crisisLines: vars.lines.join('\n') };
    const ask = d.type('/sos');
    expect(allText(ask)).toContain('in danger right now?');
    const t = d.press('struggling');
    expect(allText(t)).toContain('findahelpline.com');
    expect(allText(t)).toContain('your local emergency number');
  });

  it('pauses a breathing exercise, and after crisis help nothing resumes by itself', () => {
    const d = withScreen('es-ES');
    d.type('/breathe box');
    const paused = d.type('ya no puedo más, quiero morir');
    expect(allText(paused)).toContain('024');
    expect(paused.cancelledTimers).toHaveLength(1);
    expect(d.state.timers.filter((t) => t.kind === 'step')).toEqual([]);
    d.press('someone');
    expect(d.state.stack).toEqual([]);
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
