import { describe, expect, it } from 'vitest';
import { crisisScreen } from '../../src/safety/screen.js';
import { crisisVars } from '../../src/safety/crisis-region.js';
import { EngineDriver } from '../helpers/engine-driver.js';

/*
 * A short message read in the light of the one before it, with the real crisis screen: the engine keeps how far the
 * last message leaned towards a crisis (a number and a time, never the words) for ten minutes.
 */
function driver(): EngineDriver {
  return new EngineDriver({ screens: [crisisScreen], timingScale: 0.001, vars: crisisVars({ deployment: 'ES' }) });
}

const leaning = 'no se para que sigo intentando';

describe('the previous message as context for a short one', () => {
  it('asks gently after a message that leaned, where the same short reply alone passes', () => {
    const alone = driver();
    alone.type('ya fue');
    expect(alone.flow).toBeUndefined();

    const d = driver();
    d.type(leaning);
    expect(d.flow).toBeUndefined();
    d.type('ya fue');
    expect(d.flow).toBe('safety-check-es');
  });

  it('keeps a number and a time in the state, never the words', () => {
    const d = driver();
    d.type(leaning);
    expect(d.state.concern).toMatchObject({ at: d.now });
    expect(d.state.concern!.level).toBeGreaterThan(0.4);
    expect(JSON.stringify(d.state)).not.toContain('sigo intentando');
  });

  it('forgets it after ten minutes, and after a reply that says things are all right', () => {
    const later = driver();
    later.type(leaning);
    later.now += 11 * 60_000;
    later.type('ya fue');
    expect(later.flow).toBeUndefined();

    const fine = driver();
    fine.type(leaning);
    fine.type('todo bien, gracias');
    expect(fine.flow).toBeUndefined();
    expect(fine.state.concern).toBeUndefined();
    fine.type('ya fue');
    expect(fine.flow).toBeUndefined();
  });

  it('after the gentle check, a short reply that says an end has come gets the full crisis reply', () => {
    const d = driver();
    d.type('i keep thinking about the pills in the cabinet');
    expect(d.flow).toBe('safety-check');
    d.type('took everything');
    expect(d.flow).toBe('crisis');
    expect(d.state.stack.map((r) => r.flowId)).not.toContain('safety-check');
  });
});
