import { describe, expect, it } from 'vitest';
import type { PromptInput } from '../../src/core/messages.js';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';

/* /supporters and /reachout through the real runtime and Postgres. */

const harness = harnessForSuite();
const who = person('kit');

const last = () => harness().sink.texts('kit').at(-1) ?? '';
const lastOptions = () => {
  const input = [...harness().sink.delivered].reverse().find((d) => d.target.userId === 'kit' && d.message.input)?.message.input as PromptInput;
  return input.kind === 'choice' ? input.options.map((o) => o.label) : [];
};

describe('supporters and reaching out', () => {
  it('keeps up to five people and how to reach them, in order, encrypted; removing one moves the rest up', async () => {
    for (const line of ['/supporters', 'I agree', 'Add someone', 'Jo', 'call after 6pm', 'See my list']) await harness().say(who, line);
    expect(last()).toContain('1. Jo (call after 6pm)');
    for (const line of ['Add someone', 'Sam', 'skip', 'See my list']) await harness().say(who, line);
    expect(last()).toContain('1. Jo (call after 6pm)\n2. Sam');
    await harness().say(who, 'Remove someone');
    expect(lastOptions()).toEqual(['Jo', 'Sam']);
    await harness().say(who, 'Jo');
    await harness().say(who, 'See my list');
    expect(last()).toContain('1. Sam');
    expect(last()).not.toContain('Jo');
    await harness().say(who, 'Done');
    const identity = await harness().tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'test', externalId: 'kit' } } });
    const rows = await harness().tether.db.supporter.findMany({ where: { personId: identity.personId } });
    expect(rows.map((r) => r.position)).toEqual([1]);
    expect(rows[0]!.name).toMatch(/^enc:v1:/);
    expect((await harness().tether.store.exportPerson(identity.personId)).supporters).toEqual([{ name: 'Sam', howToReach: null }]);
  });

  it('turns a strong craving into a concrete request to a named supporter, worded for the moment', async () => {
    for (const line of ['/reachout', 'A craving is strong']) await harness().say(who, line);
    expect(lastOptions()).toContain('Stay on the phone a bit');
    expect(lastOptions()).not.toContain('A ride home');
    await harness().say(who, 'Stay on the phone a bit');
    expect(lastOptions()).toEqual(['Sam', 'Someone else']);
    await harness().say(who, 'Sam');
    await harness().say(who, "I'll send it myself");
    expect(last()).toContain("I'm riding out a strong craving. Could you stay on the phone with me for ten minutes?");
    expect(last()).toContain('To Sam: the way you usually reach them.');
  });

  it('leads there from a check-in, and can word the request from that check-in', async () => {
    for (const line of ['/checkin', '2', '3', '6', '4', 'Lonely', 'Closeness', 'Reach out to someone', 'skip']) await harness().say(who, line);
    expect(last()).toContain("What's going on?");
    await harness().say(who, 'I feel alone');
    expect(lastOptions()).toContain('From my last check-in');
    for (const line of ['From my last check-in', 'Someone else']) await harness().say(who, line);
    expect(last()).toContain("I've been feeling lonely, and what I need is closeness. Could you check in on me today?");
    expect(last()).toContain('/sos');
  });
});
