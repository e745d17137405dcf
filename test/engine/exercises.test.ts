import { describe, expect, it } from 'vitest';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

describe('breathing and grounding (engine only)', () => {
  it('plays box breathing as timed steps in one message slot, scaled by the timing setting', () => {
    const d = new EngineDriver({ timingScale: 0.5 });
    d.type('/breathe');
    const intro = d.press('box');
    expect(intro.messages).toHaveLength(1);
    expect(intro.messages[0]).toMatchObject({ slot: 'exercise', replace: false });
    expect(intro.timers).toHaveLength(1);
    expect(intro.timers[0]!.dueAt - d.now).toBe(3000); // 6 s × 0.5

    const phases: string[] = [];
    let t = d.fireStepTimer();
    while (d.step !== 'after') {
      expect(t.messages[0]).toMatchObject({ slot: 'exercise', replace: true });
      expect(t.timers[0]!.dueAt - d.now).toBe(2000); // 4 s × 0.5
      phases.push(allText(t));
      t = d.fireStepTimer();
    }
    expect(phases).toHaveLength(16); // 4 rounds × in, hold, out, rest
    expect(phases[0]).toContain('Round 1 of 4');
    expect(phases[0]).toContain('Breathe in');
    expect(phases[15]).toContain('Round 4 of 4');
    expect(allText(t)).toContain('How do you feel now?');
    expect(t.messages[0]?.replace).toBeUndefined(); // the closing question is a new message
    expect(d.state.timers).toEqual([]);
  });

  it('takes the rhythm from the command: /breathe paced', () => {
    const d = new EngineDriver();
    const t = d.type('/breathe paced');
    expect(allText(t)).toContain('Slow breathing');
    let steps = 0;
    while (d.step !== 'after') {
      d.fireStepTimer();
      steps++;
    }
    expect(steps).toBe(13); // intro + 6 rounds × in, out
  });

  it('advances once when the same timer is delivered twice', () => {
    const d = new EngineDriver();
    d.type('/breathe box');
    const timerId = d.state.timers[0]!.id;
    const first = d.send({ type: 'timer', timerId });
    const stepAfterFirst = d.step;
    const second = d.send({ type: 'timer', timerId });
    expect(first.changed).toBe(true);
    expect(second.changed).toBe(false);
    expect(second.messages).toEqual([]);
    expect(second.timers).toEqual([]);
    expect(d.step).toBe(stepAfterFirst);
  });

  it('ignores a timer from an exercise that was cancelled', () => {
    const d = new EngineDriver();
    d.type('/breathe box');
    const timerId = d.state.timers[0]!.id;
    const cancel = d.type('/cancel');
    expect(cancel.cancelledTimers).toEqual([timerId]);
    expect(allText(cancel)).toContain("we've stopped the breathing exercise");
    expect(allText(cancel)).not.toContain('answered'); // nothing was asked, so nothing to reassure about
    const late = d.send({ type: 'timer', timerId });
    expect(late.messages).toEqual([]);
    expect(d.state.stack).toEqual([]);
  });

  it('reassures, without advancing, when the person types during a timed step', () => {
    const d = new EngineDriver();
    d.type('/breathe box');
    const before = d.step;
    const t = d.type('is this working?');
    expect(allText(t)).toContain("I'm right here");
    expect(d.step).toBe(before);
    expect(d.state.timers).toHaveLength(1);
  });

  it('walks 5-4-3-2-1 at the person\'s pace and keeps none of what they named', () => {
    const d = new EngineDriver();
    const start = d.type('/ground');
    expect(allText(start)).toContain('5 things you can see');
    expect(start.messages.at(-1)?.input).toMatchObject({ kind: 'text', skip: 'Done' });
    d.type('the window, my mug, a plant, the door, my hands');
    d.press('skip');
    d.type('done');
    d.type('coffee, rain');
    const end = d.type('mint');
    expect(allText(end)).toContain('back to the present');
    expect(d.state.stack).toEqual([]);
    expect(JSON.stringify(d.transitions.map((t) => t.state))).not.toContain('mug');
    expect(d.transitions.flatMap((t) => t.records)).toEqual([]);
  });
});
