import { describe, expect, it } from 'vitest';
import { EngineDriver, allText, texts } from '../helpers/engine-driver.js';

describe('check-in flow (engine only)', () => {
  it('walks every step by typing and emits one check-in record with what was said', () => {
    const d = new EngineDriver();
    const first = d.type('/checkin');
    expect(first.messages[0]?.input).toMatchObject({ kind: 'scale', min: 1, max: 5 });
    d.type('2'); // mood
    d.type('3'); // craving: below high
    expect(d.step).toBe('sleep');
    d.type('about 6.5 hours');
    d.type('4'); // stress
    d.type('Lonely');
    d.type('3'); // need: to be heard
    d.type('just note it');
    const end = d.type('Rough day at work.');
    expect(end.records).toEqual([
      {
        type: 'checkin',
        values: {
          mood: 2,
          craving: 3,
          sleepHours: 6.5,
          stress: 4,
          emotion: 'lonely',
          emotionOther: null,
          need: 'heard',
          response: 'note',
          note: 'Rough day at work.',
        },
      },
    ]);
    const said = allText(end);
    expect(said).toContain("You're feeling lonely, and what you need most is to be heard.");
    expect(said).toContain('Things feel heavy today');
    expect(said).toContain("That's a lot of stress to carry");
    expect(said).not.toContain('strong craving');
    expect(d.state.stack).toEqual([]);
    expect(d.state.timers).toEqual([]);
  });

  it('answers by button presses (option ids and skip) exactly as by typing', () => {
    const d = new EngineDriver();
    d.type('/checkin');
    d.press('5');
    d.press('0');
    d.press('skip'); // sleep: "I'd rather not say"
    d.press('1');
    d.press('other');
    expect(d.step).toBe('emotion-other');
    d.type('numb');
    d.press('rest');
    d.press('note');
    const end = d.press('skip');
    expect(end.records[0]?.values).toMatchObject({ mood: 5, craving: 0, sleepHours: null, emotion: 'other', emotionOther: 'numb', need: 'rest', note: null });
    expect(allText(end)).toContain("You're feeling numb, and what you need most is rest.");
    expect(allText(end)).toContain("It's good to hear there's some lightness today.");
  });

  it('meets a high craving first: arms one follow-up, offers breathing, and resumes the check-in afterwards', () => {
    const d = new EngineDriver({ timingScale: 0.001 });
    d.type('/checkin');
    d.type('3');
    const high = d.type('8');
    expect(allText(high)).toContain('A craving that strong is hard');
    const followUps = d.state.timers.filter((t) => t.kind === 'follow-up');
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.dueAt).toBe(d.now + 60 * 60_000);
    expect(high.timers.map((t) => t.id)).toEqual([followUps[0]!.id]);
    expect(d.step).toBe('ground-first');

    d.press('breathe');
    expect(d.flow).toBe('breathe'); // paced breathing straight away (args answered the first question)
    expect(d.state.stack.map((r) => r.flowId)).toEqual(['checkin', 'breathe']);
    let guard = 0;
    while (d.step !== 'after' && guard++ < 100) d.fireStepTimer();
    expect(d.step).toBe('after');
    const back = d.type('calmer');
    expect(texts(back).join('\n')).toContain('Back to your check-in');
    expect(d.flow).toBe('checkin');
    expect(d.step).toBe('sleep');
    // The craving answer given before the exercise is still there at the end.
    d.type('8');
    d.type('2');
    d.type('anxious');
    d.type('safety');
    d.type('4');
    const end = d.type('skip');
    expect(end.records[0]?.values).toMatchObject({ mood: 3, craving: 8, sleepHours: 8, stress: 2, emotion: 'anxious', need: 'safety' });
    expect(allText(end)).toContain('You noticed a strong craving');
    // The follow-up is still pending after the check-in ends.
    expect(d.state.timers.filter((t) => t.kind === 'follow-up')).toHaveLength(1);
  });

  it('runs the gentle follow-up when its timer fires while the person is free', () => {
    const d = new EngineDriver();
    d.type('/checkin');
    d.type('3');
    d.type('9');
    d.type('/cancel');
    const timer = d.state.timers.find((t) => t.kind === 'follow-up')!;
    d.now = timer.dueAt;
    const fired = d.send({ type: 'timer', timerId: timer.id });
    expect(d.flow).toBe('craving-follow-up');
    expect(allText(fired)).toContain('How strong is it now?');
    const eased = d.type('2');
    expect(allText(eased)).toContain('it has eased');
    expect(d.state.stack).toEqual([]);
  });

  it('puts the follow-up off by ten minutes while the person is busy, instead of interrupting', () => {
    const d = new EngineDriver();
    d.type('/checkin');
    d.type('3');
    d.type('9');
    d.type('/cancel');
    d.type('/ground');
    const timer = d.state.timers.find((t) => t.kind === 'follow-up')!;
    d.now = timer.dueAt;
    const fired = d.send({ type: 'timer', timerId: timer.id });
    expect(fired.messages).toEqual([]);
    expect(d.flow).toBe('ground');
    const again = d.state.timers.find((t) => t.kind === 'follow-up')!;
    expect(again.id).not.toBe(timer.id);
    expect(again.dueAt).toBe(d.now + 10 * 60_000);
    expect(fired.timers).toEqual([{ id: again.id, dueAt: again.dueAt }]);
  });

  it('leads each response choice to its own next step', () => {
    const cases: Array<[string, string]> = [
      ['1', 'Which one would you like?'],
      ['2', 'Reaching out is a strong move'],
      ['3', 'why your recovery matters to you'],
      ['4', "Noted. I'm here whenever"],
    ];
    for (const [choice, expected] of cases) {
      const d = new EngineDriver();
      for (const line of ['/checkin', '3', '1', '7', '3', 'calm', 'space', choice]) d.type(line);
      const end = d.type('skip');
      expect(allText(end)).toContain(expected);
    }
  });

  it('starts the chosen exercise from the check-in without losing the stored record', () => {
    const d = new EngineDriver();
    for (const line of ['/checkin', '3', '1', '7', '3', 'calm', 'space', '1']) d.type(line);
    const end = d.type('skip');
    expect(end.records).toHaveLength(1);
    d.type('5-4-3-2-1 senses');
    expect(d.flow).toBe('ground');
    expect(d.state.stack).toHaveLength(1);
  });
});
