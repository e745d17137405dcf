import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { textToEvent } from '../../src/adapters/shared/inbound-text.js';
import { startTether, type Tether } from '../../src/app.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { RecordingSink } from '../helpers/recording-sink.js';

/* /link and /unlink: one person on two platforms, through the real runtime and Postgres. */

let env: TestEnvironment;
let tether: Tether;
const alpha = new RecordingSink('alpha');
const beta = new RecordingSink('beta');

beforeAll(async () => {
  env = await createTestEnvironment();
  tether = await startTether(env.config, { sinks: [alpha, beta], log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await tether?.close();
  await env?.cleanup();
});

const onAlpha = { platform: 'alpha', chatId: 'a-chat', userId: 'a-user' };
const onBeta = { platform: 'beta', chatId: 'b-chat', userId: 'b-user' };
const say = (key: typeof onAlpha, line: string) => tether.runtime.dispatch({ key }, textToEvent(line));
const last = (sink: RecordingSink) => sink.texts().at(-1) ?? '';
const personOf = async (platform: string, externalId: string) =>
  (await tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId } } })).personId;

describe('one person, two platforms', () => {
  it('joins the identities with a one-time code, so history, plan and supporters follow', async () => {
    for (const line of ['/plan', 'I agree', 'My reasons', 'For my kids.', 'Done']) await say(onAlpha, line);
    for (const line of ['/supporters', 'I agree', 'Add someone', 'Jo', 'skip', 'Done']) await say(onBeta, line);
    for (const line of ['/checkin', '4', '2', '7', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await say(onBeta, line);

    await say(onAlpha, '/link');
    await say(onAlpha, 'Give me a code for the other one');
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(alpha.texts().join('\n'))![1]!;

    // A wrong code, then the code on the platform that showed it, are both refused kindly.
    for (const line of ['/link', 'I have a code from the other one', 'ZZZZ-ZZZZ']) await say(onBeta, line);
    expect(last(beta)).toContain("That code didn't work");
    for (const line of ['/link', 'I have a code from the other one', code]) await say(onAlpha, line);
    expect(last(alpha)).toContain('from this same platform');

    for (const line of ['/link', 'I have a code from the other one', code.toLowerCase()]) await say(onBeta, line);
    expect(last(beta)).toContain('Linked.');
    expect(await personOf('beta', 'b-user')).toBe(await personOf('alpha', 'a-user'));
    const person = await personOf('alpha', 'a-user');
    const data = await tether.store.exportPerson(person);
    expect(data.identities.map((i) => i.platform).sort()).toEqual(['alpha', 'beta']);
    expect(data.checkIns).toHaveLength(1);
    expect(data.plan?.reasons).toBe('For my kids.');
    expect(data.supporters).toEqual([{ name: 'Jo', howToReach: null }]);

    // The same code does not work twice, and the plan shows on the other platform now.
    for (const line of ['/plan', 'Show my plan']) await say(onBeta, line);
    expect(beta.texts().slice(-3).join('\n')).toContain('For my kids.');
    await say(onBeta, 'Done');
    for (const line of ['/link', 'I have a code from the other one', code]) await say(onBeta, line);
    expect(last(beta)).toContain("That code didn't work");
  });

  it('separates them again with /unlink: this platform starts fresh, the rest stays', async () => {
    for (const line of ['/unlink', 'Yes, unlink']) await say(onBeta, line);
    expect(last(beta)).toContain('This platform is separate again');
    const a = await personOf('alpha', 'a-user');
    const b = await personOf('beta', 'b-user');
    expect(a).not.toBe(b);
    expect((await tether.store.exportPerson(a)).checkIns).toHaveLength(1);
    expect((await tether.store.exportPerson(b)).checkIns).toHaveLength(0);
    for (const line of ['/unlink', 'Yes, unlink']) await say(onBeta, line);
    expect(last(beta)).toContain("isn't linked");
  });

  it('a second process that holds the other chat reads the person afresh after a link made elsewhere', async () => {
    const alphaThere = new RecordingSink('alpha');
    const other = await startTether(env.config, { sinks: [alphaThere, beta], log: pino({ level: 'silent' }) });
    try {
      // The same person in a second chat on Alpha's platform, served by the other process.
      const inAlphasOtherChat = { ...onAlpha, chatId: 'a-chat-2' };
      const sayThere = (key: typeof onAlpha, line: string) => other.runtime.dispatch({ key }, textToEvent(line));
      const checkInsShown = () => /Check-ins so far: (\d+)/.exec(alphaThere.texts().join('\n').split('Your milestones').at(-1)!)?.[1];
      // The other process serves Alpha and holds what it knows of them: one check-in.
      for (const line of ['/milestones', 'Done']) await sayThere(inAlphasOtherChat, line);
      expect(checkInsShown()).toBe('1');
      // Here, Beta (separate since /unlink) checks in twice, then links with Alpha's code.
      for (let i = 0; i < 2; i++) for (const line of ['/checkin', '4', '2', '3', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await say(onBeta, line);
      await say(onAlpha, '/link');
      await say(onAlpha, 'Give me a code for the other one');
      const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(last(alpha))![1]!;
      for (const line of ['/link', 'I have a code from the other one', code]) await say(onBeta, line);
      expect(last(beta)).toContain('Linked.');
      // There, Alpha's next step reads the joined person: three check-ins.
      await sayThere(inAlphasOtherChat, '/milestones');
      expect(checkInsShown()).toBe('3');
      await sayThere(inAlphasOtherChat, 'Done');
      // A check-in here is counted there at once too, not when the other process happens to reload.
      for (const line of ['/checkin', '4', '2', '3', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await say(onAlpha, line);
      await sayThere(inAlphasOtherChat, '/milestones');
      expect(checkInsShown()).toBe('4');
      await sayThere(inAlphasOtherChat, 'Done');
    } finally {
      await other.close();
    }
  });

  it('pauses codes for an hour after five that did not work, before looking the code up', async () => {
    const onGamma = { platform: 'beta', chatId: 'g-chat', userId: 'g-user' };
    for (const line of ['/link', 'I agree', 'I have a code from the other one', 'ABCD-EFGH']) await say(onGamma, line);
    expect(last(beta)).toContain("That code didn't work");
    for (let i = 0; i < 4; i++) for (const line of ['/link', 'I have a code from the other one', `ABCD-EFG${i + 2}`]) await say(onGamma, line);
    expect(last(beta)).toContain("That code didn't work");
    // A real code now: refused all the same, so a pause tells a guesser nothing.
    for (const line of ['/unlink', 'Yes, unlink']) await say(onBeta, line);
    await say(onAlpha, '/link');
    await say(onAlpha, 'Give me a code for the other one');
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(last(alpha))![1]!;
    for (const line of ['/link', 'I have a code from the other one', code]) await say(onGamma, line);
    expect(last(beta)).toContain('codes are paused here for an hour');
    expect(await personOf('beta', 'g-user')).not.toBe(await personOf('alpha', 'a-user'));
    // The code was not spent: the person it was meant for can still use it.
    for (const line of ['/link', 'I have a code from the other one', code]) await say(onBeta, line);
    expect(beta.texts().slice(-3).join('\n')).toContain('Linked.');
  });
});
