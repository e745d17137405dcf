import { describe, expect, it } from 'vitest';
import type { PromptInput } from '../../src/core/messages.js';
import { eventually } from '../helpers/environment.js';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';

/* A supporter who opted in gets a person's request through Tether and answers it with one tap. */

const harness = harnessForSuite();
const ria = person('ria');
const jo = person('jo');
const texts = (user: string) => harness().sink.texts(user);
const has = (user: string, text: string) => texts(user).filter((t) => t.includes(text)).length;

describe('requests through Tether', () => {
  let code = '';

  it('invites a supporter with a one-time code they accept on their side', async () => {
    for (const line of ['/supporters', 'I agree', 'Add someone', 'Jo', 'skip', 'See my list', 'Let someone answer through Tether', 'Jo', 'Ria']) await harness().say(ria, line);
    code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(texts('ria').at(-1)!)![1]!;
    expect(texts('ria').at(-1)).toContain('Ask them to send /support');
    // Someone else's code, or a wrong one, does nothing.
    for (const line of ['/support', 'I agree', 'AAAA-AAAA']) await harness().say(jo, line);
    expect(texts('jo').at(-1)).toContain("That invitation code didn't work");
    for (const line of ['/support', code]) await harness().say(jo, line);
    expect(texts('jo').at(-1)).toContain('Ria trusts you');
  });

  it('sends the request to the supporter, who answers with one tap, and tells the person', async () => {
    for (const line of ['/reachout', 'A craving is strong', 'Stay on the phone a bit', 'Jo', 'Send it through Tether']) await harness().say(ria, line);
    expect(texts('ria').at(-1)).toContain("Sent to Jo. I'll tell you as soon as they answer.");
    await eventually(() => (has('jo', 'Ria asked you, through Tether') ? true : undefined), 10_000, 'the request at the supporter');
    const request = harness().sink.delivered.find((d) => d.target.userId === 'jo' && d.message.input?.token.startsWith('req:'))!.message;
    expect(request.text.map((s) => s.text).join('')).toContain('Could you stay on the phone with me for ten minutes?');
    const input = request.input as Extract<PromptInput, { kind: 'choice' }>;
    expect(input.options.map((o) => o.label)).toEqual(['On my way', "I'll call you", "Can't right now"]);

    await harness().tether.runtime.dispatch({ key: jo }, { type: 'choice', token: input.token, value: 'will-call' });
    await eventually(() => (has('ria', "Jo answered your request: I'll call you.") ? true : undefined), 10_000, 'the answer at the person');
    expect(texts('jo').at(-1)).toContain("I've let them know");
    // A second tap, or someone else's, changes nothing.
    await harness().tether.runtime.dispatch({ key: jo }, { type: 'choice', token: input.token, value: 'on-my-way' });
    await harness().tether.runtime.dispatch({ key: person('eve') }, { type: 'choice', token: input.token, value: 'on-my-way' });
    await new Promise((r) => setTimeout(r, 300));
    expect(has('ria', 'answered your request')).toBe(1);
    const stored = await harness().tether.db.supportRequest.findFirstOrThrow();
    expect(stored.reply).toBe('will-call');
    expect(stored.text).toMatch(/^enc:v1:/);
  });

  it('says so, and leaves the text to copy, when the supporter has not joined', async () => {
    for (const line of ['/supporters', 'Add someone', 'Max', 'skip', 'Done']) await harness().say(ria, line);
    for (const line of ['/reachout', 'I feel alone', 'Text me back', 'Max', 'Send it through Tether']) await harness().say(ria, line);
    expect(texts('ria').at(-1)).toContain("Max hasn't joined Tether as your supporter yet");
  });

  it('forgets the link when the supporter deletes their data: nothing is sent into the void', async () => {
    for (const line of ['/forget', 'Yes, delete everything']) await harness().say(jo, line);
    for (const line of ['/reachout', 'I feel alone', 'Text me back', 'Jo', 'Send it through Tether']) await harness().say(ria, line);
    expect(texts('ria').at(-1)).toContain("Jo hasn't joined Tether as your supporter yet");
    expect(await harness().tether.db.supporter.count({ where: { linkedPersonId: { not: null } } })).toBe(0);
  });

  it('pauses invitation codes for an hour after five that did not work', async () => {
    const mo = person('mo');
    await harness().say(mo, '/support');
    await harness().say(mo, 'I agree');
    for (let i = 0; i < 5; i++) {
      await harness().say(mo, `BCDE-FGH${i + 2}`);
      expect(texts('mo').at(-1)).toContain("That invitation code didn't work");
      await harness().say(mo, '/support');
    }
    await harness().say(mo, 'BCDE-FGHJ');
    expect(texts('mo').at(-1)).toContain('codes are paused here for an hour');
  });
});
