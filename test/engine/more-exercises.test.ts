import { describe, expect, it } from 'vitest';
import { EngineDriver, allText } from '../helpers/engine-driver.js';

describe('4-7-8 breathing, urge surfing and the self-compassion pause (engine only)', () => {
  it('plays 4-7-8 as timed steps of 4, 7 and 8 seconds in one message', () => {
    const d = new EngineDriver();
    d.type('/breathe four-seven-eight');
    const waits: number[] = [];
    while (d.step !== 'after') {
      const t = d.fireStepTimer();
      if (t.timers[0]) waits.push(t.timers[0].dueAt - d.now);
    }
    expect(waits).toEqual([4000, 7000, 8000, 4000, 7000, 8000, 4000, 7000, 8000, 4000, 7000, 8000].slice(0, waits.length));
    expect(waits).toHaveLength(12);
  });

  it('surfs an urge for about ten minutes, rating it before and after, and answers the change', () => {
    const d = new EngineDriver();
    d.type('/surf');
    d.type('8');
    let total = 0;
    let t = d.state;
    while (d.step !== 'after') {
      const timer = d.state.timers.find((x) => x.kind === 'step')!;
      total += timer.dueAt - d.now;
      d.fireStepTimer();
      t = d.state;
    }
    expect(t.stack.at(-1)?.flowId).toBe('urge-surfing');
    expect(total / 60_000).toBeGreaterThanOrEqual(8);
    expect(total / 60_000).toBeLessThanOrEqual(12);
    expect(allText(d.type('3'))).toContain('It came down while you watched it');
  });

  it('offers urge surfing first when a check-in shows a strong craving', () => {
    const d = new EngineDriver();
    d.type('/checkin');
    d.type('3');
    const t = d.type('9');
    expect(t.messages.at(-1)?.input).toMatchObject({ kind: 'choice' });
    expect((t.messages.at(-1)?.input as unknown as { options: { label: string }[] }).options.map((o) => o.label)).toContain('Ride out the urge (10 min)');
  });

  it('keeps nothing of what the person writes in the self-compassion pause', () => {
    const d = new EngineDriver();
    d.type('/kindness');
    d.fireStepTimer();
    d.fireStepTimer();
    d.type("You're doing your best, and that's enough today.");
    expect(JSON.stringify(d.state)).not.toContain('doing your best');
    expect(d.transitions.flatMap((x) => x.records)).toEqual([]);
  });
});
