import { describe, expect, it } from 'vitest';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

describe('consent before anything is stored', () => {
  it('asks first, says what Tether is and keeps, and goes on to the check-in once the person agrees', () => {
    const d = new EngineDriver({ consented: false });
    const ask = d.type('/checkin');
    const text = allText(ask);
    expect(text).toContain('not treatment');
    expect(text).toContain('not an emergency service');
    expect(text).toContain('What I keep, and why');
    expect(text).toContain('/forget');
    expect(ask.messages.at(-1)?.input).toMatchObject({ kind: 'choice', options: [{ label: 'I agree' }, { label: 'Not now' }] });
    expect(d.flow).toBe('consent');
    const agreed = d.press('agree');
    expect(agreed.actions).toEqual([{ kind: 'consent' }]);
    expect(allText(agreed)).toContain('How are you doing overall');
    expect(d.flow).toBe('checkin');
  });

  it('stores nothing and starts nothing that stores when the person says not now', () => {
    const d = new EngineDriver({ consented: false });
    d.type('/checkin');
    const declined = d.press('not-now');
    expect(declined.actions).toEqual([]);
    expect(declined.records).toEqual([]);
    expect(allText(declined)).toContain('nothing about you has been stored');
    expect(d.state.stack).toEqual([]);
    // Afterwards, a plain message gets a short reply, not the whole explanation again; /start brings it back.
    const later = d.type('hi again');
    expect(allText(later)).toContain('/breathe, /ground and /sos work right away');
    expect(allText(later)).not.toContain('What I keep, and why');
    expect(allText(d.type('/start'))).toContain('What I keep, and why');
  });

  it('lets exercises run without consent', () => {
    const d = new EngineDriver({ consented: false });
    const t = d.type('/ground');
    expect(allText(t)).toContain('5 things you can see');
    expect(d.flow).toBe('ground');
  });

  it('greets a first message with the same explanation', () => {
    const d = new EngineDriver({ consented: false });
    expect(allText(d.type('hello'))).toContain('What I keep, and why');
    const e = new EngineDriver({ consented: false });
    expect(allText(e.type('/start'))).toContain('What I keep, and why');
  });

  it('never stores a check-in for someone who has not agreed, even from a follow-up timer', () => {
    const d = new EngineDriver({ consented: false });
    d.type('/checkin');
    d.press('not-now');
    for (const line of ['3', '9', 'lonely']) expect(d.type(line).records).toEqual([]);
  });
});
