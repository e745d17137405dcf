import { describe, expect, it } from 'vitest';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';

/* /plan, /slip and /history through the real runtime, Postgres and BullMQ. */

const harness = harnessForSuite();
const who = person('rae');

const last = () => harness().sink.texts('rae').at(-1) ?? '';
const all = () => harness().sink.texts('rae').join('\n');

async function personId(): Promise<string> {
  const identity = await harness().tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'test', externalId: 'rae' } } });
  return identity.personId;
}

describe('the recovery toolkit', () => {
  it('keeps a recovery plan in the person\'s own words, encrypted, editable piece by piece', async () => {
    for (const line of ['/plan', 'I agree', 'My reasons', 'My daughter, and mornings I get to remember.', 'What helps me', 'Calling Jo. A cold shower. Walking the dog.', 'Show my plan']) {
      await harness().say(who, line);
    }
    const shown = harness().sink.texts('rae').slice(-3).join('\n');
    expect(shown).toContain('Why it matters to me\nMy daughter, and mornings I get to remember.');
    expect(shown).toContain('What helps me\nCalling Jo.');
    const row = await harness().tether.db.plan.findUniqueOrThrow({ where: { personId: await personId() } });
    expect(row.reasons).toMatch(/^enc:v1:/);
    expect(row.coping).toMatch(/^enc:v1:/);
    // Changing one part leaves the others.
    for (const line of ['My reasons', 'My daughter, my health, and mornings I remember.', 'Done']) await harness().say(who, line);
    const plan = harness().tether.store;
    expect((await plan.exportPerson(await personId())).plan).toMatchObject({ reasons: 'My daughter, my health, and mornings I remember.', coping: 'Calling Jo. A cold shower. Walking the dog.' });
  });

  it('shows the person their own reasons and what helps when a check-in shows a strong craving', async () => {
    for (const line of ['/checkin', '3', '9']) await harness().say(who, line);
    const text = harness().sink.texts('rae').slice(-3).join('\n');
    expect(text).toContain('You wrote why this matters to you:\nMy daughter, my health, and mornings I remember.');
    expect(text).toContain('What has helped you before:\nCalling Jo.');
    for (const line of ['Keep going with the check-in', '7', '3', 'Lonely', 'Closeness', 'Just note it', 'skip']) await harness().say(who, line);
    expect(last()).toContain('Noted');
  });

  it('lists the last check-ins in short form', async () => {
    await harness().say(who, '/history');
    expect(all()).toMatch(/mood okay, craving 9\/10, stress 3\/5, slept 7 h; lonely, needing closeness/);
    expect(last()).toContain('Times are in UTC');
  });

  it('shows the times in the person\'s own time zone once they chose one', async () => {
    for (const line of ['/schedule', 'Every day', '21:00', 'Somewhere else', 'Tokyo', 'No quiet hours']) await harness().say(who, line);
    await harness().say(who, '/history');
    const latest = await harness().tether.db.checkIn.findFirstOrThrow({ where: { personId: await personId() }, orderBy: { createdAt: 'desc' } });
    const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(latest.createdAt);
    expect(all()).toContain(`• ${tokyo}: mood`);
    expect(last()).not.toContain('Times are in UTC');
  });

  it('meets a slip with a short reflection, keeps the words encrypted, and checks in gently the next day', async () => {
    for (const line of ['/slip', 'I drank at the party.', 'A long week, no sleep, and my ex was there.', 'Rest', 'Go to a meeting tomorrow morning', 'Sam']) await harness().say(who, line);
    expect(last()).toContain('Your next step: Go to a meeting tomorrow morning.');
    expect(all()).not.toMatch(/\b(relapse|failure|start over|reset)\b/i);
    const slip = await harness().tether.db.slip.findFirstOrThrow({ where: { personId: await personId() } });
    expect(slip.need).toBe('rest');
    expect(slip.happened).toMatch(/^enc:v1:/);
    expect(slip.repair).not.toContain('meeting');

    const conversation = await harness().tether.runtime.conversation({ key: who });
    const followUp = conversation!.state.timers.find((t) => t.flowId === 'slip-follow-up')!;
    const hours = (followUp.dueAt - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(19);
    expect(hours).toBeLessThan(21);
    await harness().tether.runtime.dispatch({ conversationId: conversation!.id }, { type: 'timer', timerId: followUp.id });
    expect(last()).toContain("how you're doing after yesterday");
    await harness().say(who, "It's hard");
    expect(last()).toContain('/checkin is here whenever you want it.');
    expect(all()).toContain("You don't have to hold it alone");
  });
});
