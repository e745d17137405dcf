import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnswer } from '../../../src/engine/answer-map.js';
import type { ConversationState } from '../../../src/engine/types.js';
import { builtInRegistry } from '../../../src/features/registry.js';
import { APPLICATION_ID, CHANNEL_ID, GUILD_ID, buttonsOf, type EmulatedUser } from '../../emulators/discord/emulator.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../../helpers/environment.js';
import { startDiscordRig, type DiscordRig } from './discord-harness.js';

let env: TestEnvironment;
let rig: DiscordRig;
const run = promisify(execFile);

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startDiscordRig(env.config);
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

let nextUser = 1;
const person = (name: string): EmulatedUser => ({ id: String(1_700_000_000_000_000_000n + BigInt(nextUser++)), username: name });

async function checkIns(user: EmulatedUser) {
  const identity = await rig.tether.db.identity.findUnique({ where: { platform_externalId: { platform: 'discord', externalId: user.id } } });
  return identity ? rig.tether.store.checkInsOf(identity.personId) : [];
}

describe('Discord through the real discord.js client and a local emulator', () => {
  it('acknowledges a slash command in a server within Discord\'s 3-second window and moves the check-in to DMs', async () => {
    const alice = person('alice');
    const sent = Date.now();
    const interaction = rig.emulator.slashCommand(alice, 'checkin');
    const ack = await rig.emulator.waitForCall((c) => c.path.includes(`/interactions/${interaction.id}/`));
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(ack.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const dm = rig.emulator.dmChannelOf(alice);
    rig.emulator.pressButton(alice, await rig.emulator.waitFor(alice, dm, 'What I keep, and why'), 'I agree');
    await rig.emulator.waitFor(alice, dm, 'How are you doing overall');
    const note = await rig.emulator.waitFor(alice, CHANNEL_ID, 'sent you a direct message');
    expect(note.ephemeralFor).toBe(alice.id);
    expect(rig.emulator.publicIn(CHANNEL_ID)).toEqual([]);
  });

  it('runs a full check-in in a DM: buttons, a select menu, typed answers; one CheckIn row', async () => {
    const bo = person('bo');
    const dm = rig.emulator.dmChannelOf(bo);
    rig.emulator.slashCommand(bo, 'checkin', { dm: true });
    rig.emulator.pressButton(bo, await rig.emulator.waitFor(bo, dm, 'What I keep, and why'), 'I agree');
    let q = await rig.emulator.waitFor(bo, dm, 'How are you doing overall');
    rig.emulator.pressButton(bo, q, '2');
    q = await rig.emulator.waitFor(bo, dm, 'How strong is any craving');
    expect(buttonsOf(q).map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    rig.emulator.pressButton(bo, q, '1');
    await rig.emulator.waitFor(bo, dm, 'how many hours did you sleep');
    rig.emulator.dm(bo, '6.5');
    q = await rig.emulator.waitFor(bo, dm, 'How much stress');
    rig.emulator.pressButton(bo, q, '3');
    q = await rig.emulator.waitFor(bo, dm, 'Which word comes closest');
    rig.emulator.selectOption(bo, q, 'Anxious');
    q = await rig.emulator.waitFor(bo, dm, 'what do you need most');
    rig.emulator.selectOption(bo, q, 'Reassurance');
    q = await rig.emulator.waitFor(bo, dm, 'What would help most');
    rig.emulator.pressButton(bo, q, 'Just note it');
    await rig.emulator.waitFor(bo, dm, "anything you'd like to add");
    rig.emulator.dm(bo, 'Thanks @everyone <@123456789012345678> **loud**');
    const reflection = await rig.emulator.waitFor(bo, dm, 'Thank you for checking in.');
    expect(reflection.content).toContain("You're feeling anxious, and what you need most is reassurance.");
    const rows = await eventually(async () => ((await checkIns(bo)).length ? checkIns(bo) : undefined));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mood: 2, craving: 1, sleepHours: 6.5, stress: 3, emotion: 'anxious', need: 'reassurance', response: 'note', note: 'Thanks @everyone <@123456789012345678> **loud**', platform: 'discord' });
    // An answered question loses its buttons and shows the answer.
    const mood = rig.emulator.visibleTo(bo, dm).find((m) => m.content.includes('How are you doing overall'))!;
    expect(mood.components).toEqual([]);
    expect(mood.content).toContain('✓ **2**');
  });

  it('runs a full check-in in a server channel in ephemeral replies when DMs are closed, with a modal for typed answers', async () => {
    const cy = person('cy');
    rig.emulator.closeDms(cy);
    rig.emulator.slashCommand(cy, 'checkin');
    await rig.emulator.waitFor(cy, CHANNEL_ID, "couldn't send you a direct message");
    rig.emulator.pressButton(cy, await rig.emulator.waitFor(cy, CHANNEL_ID, 'What I keep, and why'), 'I agree');
    let q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'How are you doing overall');
    expect(q.ephemeralFor).toBe(cy.id);
    rig.emulator.pressButton(cy, q, '4');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'How strong is any craving');
    rig.emulator.pressButton(cy, q, '0');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'how many hours did you sleep');
    const open = rig.emulator.pressButton(cy, q, 'Type my answer');
    await eventually(() => open.modal ?? undefined, 5000, 'the modal');
    rig.emulator.submitModal(cy, open, '8');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'How much stress');
    rig.emulator.pressButton(cy, q, '1');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'Which word comes closest');
    rig.emulator.selectOption(cy, q, 'Calm');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'what do you need most');
    rig.emulator.selectOption(cy, q, 'Space');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, 'What would help most');
    rig.emulator.pressButton(cy, q, 'Just note it');
    q = await rig.emulator.waitFor(cy, CHANNEL_ID, "anything you'd like to add");
    rig.emulator.pressButton(cy, q, 'Nothing to add');
    await rig.emulator.waitFor(cy, CHANNEL_ID, 'Thank you for checking in.');
    const rows = await eventually(async () => ((await checkIns(cy)).length ? checkIns(cy) : undefined));
    expect(rows[0]).toMatchObject({ mood: 4, craving: 0, sleepHours: 8, stress: 1, emotion: 'calm', need: 'space', note: null });
    // Nobody else in the channel saw any of it.
    expect(rig.emulator.publicIn(CHANNEL_ID)).toEqual([]);
    expect(rig.emulator.visibleTo(person('dee'), CHANNEL_ID)).toEqual([]);
  });

  it('plays a breathing exercise by editing one message over time', async () => {
    const ed = person('ed');
    const dm = rig.emulator.dmChannelOf(ed);
    rig.emulator.slashCommand(ed, 'breathe', { dm: true, choice: 'box' });
    await rig.emulator.waitFor(ed, dm, 'How do you feel now?', 20_000);
    const exercise = rig.emulator.visibleTo(ed, dm).find((m) => m.content.includes('Round'))!;
    expect(exercise.content).toContain('Round 4 of 4');
    expect(exercise.edits).toBe(17); // the deferred reply filled in with the intro, then 16 timed phases
    expect(rig.emulator.visibleTo(ed, dm)).toHaveLength(2); // the exercise, and the closing question
  });

  it('answers a press on a stale button with a gentle ephemeral note, not an error', async () => {
    const fay = person('fay');
    rig.emulator.closeDms(fay);
    rig.emulator.slashCommand(fay, 'checkin');
    rig.emulator.pressButton(fay, await rig.emulator.waitFor(fay, CHANNEL_ID, 'What I keep, and why'), 'I agree');
    const first = await rig.emulator.waitFor(fay, CHANNEL_ID, 'How are you doing overall');
    const stale = { ...first, components: first.components };
    rig.emulator.pressButton(fay, first, '5');
    await rig.emulator.waitFor(fay, CHANNEL_ID, 'How strong is any craving');
    rig.emulator.pressButton(fay, stale, '1');
    const note = await rig.emulator.waitFor(fay, CHANNEL_ID, 'belongs to an earlier question');
    expect(note.ephemeralFor).toBe(fay.id);
    const conversation = await rig.tether.db.conversation.findFirstOrThrow({ where: { chatId: `eph:${GUILD_ID}:${fay.id}` } });
    expect(getAnswer((conversation.state as unknown as ConversationState).stack[0]!.answers, 'mood')).toBe(5);
  });

  it('sends nothing that could ping anyone: every message sets allowed_mentions to none', () => {
    const withContent = rig.emulator.calls.filter((c) => c.body && typeof c.body.content === 'string' && c.body.content.length > 0);
    expect(withContent.length).toBeGreaterThan(20);
    for (const call of withContent) expect(call.body!.allowed_mentions, `${call.method} ${call.path}`).toEqual({ parse: [] });
  });

  it('waits out a 429 and delivers the message anyway', async () => {
    const gus = person('gus');
    const dm = rig.emulator.dmChannelOf(gus);
    rig.emulator.failNext('POST', new RegExp(`^/channels/${dm}/messages$`), 429, { message: 'You are being rate limited.', retry_after: 0.3, global: false }, {
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': 'dm-bucket', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3' },
    });
    rig.emulator.dm(gus, 'hello?');
    await rig.emulator.waitFor(gus, dm, 'What I keep, and why', 15_000); // a first message: the welcome and consent
    const posts = rig.emulator.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dm}/messages`);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
  });

  it('registers one slash command per flow, with the first question as an option, via npm run discord:register', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'discord:register'], {
      env: { ...process.env, DISCORD_TOKEN: rig.emulator.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_ROOT: rig.emulator.restApi },
    });
    expect(stdout).toContain(`registered 26 commands in server ${GUILD_ID}`);
    const put = rig.emulator.calls.find((c) => c.method === 'PUT' && c.path === `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`)!;
    const commands = put.body as unknown as Array<{ name: string; description: string; options?: Array<{ name: string; choices: { value: string }[] }> }>;
    const flows = [...builtInRegistry().byCommand.values()];
    expect(commands.map((c) => c.name)).toEqual([...flows.map((f) => f.command), 'help', 'cancel', 'about']);
    for (const flow of flows) {
      const command = commands.find((c) => c.name === flow.command)!;
      expect(command.description).toBe(flow.summary.slice(0, 100));
      const first = flow.steps[0]!;
      if (first.kind === 'choice') expect(command.options![0]!.choices.map((c) => c.value)).toEqual(first.options.map((o) => o.id));
      else expect(command.options ?? []).toEqual([]);
    }
  }, 60_000);
});
