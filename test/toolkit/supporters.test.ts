import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromptInput } from '../../src/engine/types.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

/* /supporters and /reachout through the real runtime and Postgres. */

let env: TestEnvironment;
let h: Harness;
const who = person('kit');

beforeAll(async () => {
  env = await createTestEnvironment();
  h = await startHarness(env.config);
});
afterAll(async () => {
  await h?.tether.close();
  await env?.cleanup();
});

const last = () => h.sink.texts('kit').at(-1) ?? '';
const lastOptions = () => {
  const input = [...h.sink.delivered].reverse().find((d) => d.target.userId === 'kit' && d.message.input)?.message.input as PromptInput;
  return input.kind === 'choice' ? input.options.map((o) => o.label) : [];
};

describe('supporters and reaching out', () => {
  it('keeps up to five people and how to reach them, in order, encrypted; removing one moves the rest up', async () => {
    for (const line of ['/supporters', 'I agree', 'Add someone', 'Jo', 'call after 6pm', 'See my list']) await h.say(who, line);
    expect(last()).toContain('1. Jo (call after 6pm)');
    for (const line of ['Add someone', 'Sam', 'skip', 'See my list']) await h.say(who, line);
    expect(last()).toContain('1. Jo (call after 6pm)\n2. Sam');
    await h.say(who, 'Remove someone');
    expect(lastOptions()).toEqual(['Jo', 'Sam']);
    await h.say(who, 'Jo');
    await h.say(who, 'See my list');
    expect(last()).toContain('1. Sam');
    expect(last()).not.toContain('Jo');
    await h.say(who, 'Done');
    const identity = await h.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'test', externalId: 'kit' } } });
    const rows = await h.tether.db.supporter.findMany({ where: { personId: identity.personId } });
    expect(rows.map((r) => r.position)).toEqual([1]);
    expect(rows[0]!.name).toMatch(/^enc:v1:/);
    expect((await h.tether.store.exportPerson(identity.personId)).supporters).toEqual([{ name: 'Sam', howToReach: null }]);
  });

  it('turns a strong craving into a concrete request to a named supporter, worded for the moment', async () => {
    for (const line of ['/reachout', 'A craving is strong']) await h.say(who, line);
    expect(lastOptions()).toContain('Stay on the phone a bit');
    expect(lastOptions()).not.toContain('A ride home');
    await h.say(who, 'Stay on the phone a bit');
    expect(lastOptions()).toEqual(['Sam', 'Someone else']);
    await h.say(who, 'Sam');
    expect(last()).toContain("I'm riding out a strong craving. Could you stay on the phone with me for ten minutes?");
    expect(last()).toContain('To Sam: the way you usually reach them.');
  });

  it('leads there from a check-in, and can word the request from that check-in', async () => {
    for (const line of ['/checkin', '2', '3', '6', '4', 'Lonely', 'Closeness', 'Reach out to someone', 'skip']) await h.say(who, line);
    expect(last()).toContain("What's going on?");
    await h.say(who, 'I feel alone');
    expect(lastOptions()).toContain('From my last check-in');
    for (const line of ['From my last check-in', 'Someone else']) await h.say(who, line);
    expect(last()).toContain("I've been feeling lonely, and what I need is closeness. Could you check in on me today?");
    expect(last()).toContain('/sos');
  });
});
