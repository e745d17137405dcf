import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GUILD_ID, HELPERS_ROLE_ID, MANAGER_PERMISSIONS, buttonsOf, type EmulatedMessage, type EmulatedUser } from '../emulators/discord/emulator.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { startDiscordRig, type DiscordRig } from '../adapters/discord/discord-harness.js';

/*
 * A Discord server set up by its moderators with /setup (replies only they see, a select menu, modals for typed
 * values), and its group check-in post: real discord.js against the local emulator, real Postgres, Redis and BullMQ.
 */

let env: TestEnvironment;
let rig: DiscordRig;
let now = Date.parse('2027-10-30T12:00:00Z');
const MOD_ROLE = HELPERS_ROLE_ID;

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startDiscordRig(env.config, { tether: { clock: () => now, occasionSettings: { sweepMs: 3_600_000 } } });
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

let nextUser = 1;
const person = (name: string, extra: Partial<EmulatedUser> = {}): EmulatedUser => ({ id: String(1_800_000_000_000_000_000n + BigInt(nextUser++)), username: name, ...extra });

/** The newest message `user` can see in the channel that contains `text`, once there are `n` of them. */
async function nth(user: EmulatedUser, text: string, n: number): Promise<EmulatedMessage> {
  return eventually(
    () => {
      const found = rig.emulator.visibleTo(user, CHANNEL_ID).filter((m) => m.content.includes(text));
      return found.length >= n ? found.at(-1) : undefined;
    },
    10_000,
    () => `${n} × "${text}"; last: ${rig.emulator.visibleTo(user, CHANNEL_ID).slice(-2).map((m) => m.content).join(' | ')}`,
  );
}

async function typeInModal(user: EmulatedUser, message: EmulatedMessage, value: string): Promise<void> {
  const open = rig.emulator.pressButton(user, message, 'Type my answer');
  await eventually(() => open.modal ?? undefined, 5000, 'the modal');
  rig.emulator.submitModal(user, open, value);
}

describe('a Discord server with Tether', () => {
  it('refuses /setup from a member without Manage Server, in a reply only they see', async () => {
    const member = person('member');
    rig.emulator.slashCommand(member, 'setup');
    const no = await nth(member, "Only this community's moderators", 1);
    expect(no.ephemeralFor).toBe(member.id);
  });

  it('lets a server manager configure it privately: a select menu, modals for typed values, a change log', async () => {
    const mod = person('mod', { permissions: MANAGER_PERMISSIONS });
    rig.emulator.slashCommand(mod, 'setup');
    let menu = await nth(mod, 'Community settings', 1);
    expect(menu.ephemeralFor).toBe(mod.id);
    rig.emulator.selectOption(mod, menu, 'Group check-in time');
    await typeInModal(mod, await nth(mod, 'What time should the group check-in be posted', 1), '20:30');
    menu = await nth(mod, 'Community settings', 2);
    rig.emulator.selectOption(mod, menu, 'Time zone');
    await typeInModal(mod, await nth(mod, "community's time zone", 1), 'America/New_York');
    menu = await nth(mod, 'Community settings', 3);
    rig.emulator.selectOption(mod, menu, 'Moderator role (Discord)');
    await typeInModal(mod, await nth(mod, 'may change these settings', 1), `<@&${MOD_ROLE}>`);
    menu = await nth(mod, 'Community settings', 4);
    rig.emulator.selectOption(mod, menu, 'Post group check-ins here');
    rig.emulator.pressButton(mod, await nth(mod, 'Use it?', 1), 'Yes, post them here');
    menu = await nth(mod, 'Community settings', 5);
    rig.emulator.selectOption(mod, menu, 'Show the current settings');
    const overview = await nth(mod, 'Group check-in: every day at 20:30', 1);
    expect(overview.ephemeralFor).toBe(mod.id);
    // Nothing of this is visible to anyone else in the channel.
    expect(rig.emulator.publicIn(CHANNEL_ID)).toEqual([]);

    const community = await rig.tether.db.community.findUniqueOrThrow({ where: { platform_externalId: { platform: 'discord', externalId: GUILD_ID } } });
    expect(community).toMatchObject({ minuteOfDay: 20 * 60 + 30, timeZone: 'America/New_York', channelId: `ch:${CHANNEL_ID}`, moderatorRoleId: MOD_ROLE });
    expect((await rig.tether.db.auditEntry.findMany({ where: { communityId: community.id } })).map((e) => [e.actor, e.field])).toEqual(
      expect.arrayContaining([
        [mod.id, 'time'],
        [mod.id, 'time-zone'],
        [mod.id, 'moderator-role'],
        [mod.id, 'channel'],
      ]),
    );
  });

  it('lets a member with the configured moderator role in, without Manage Server', async () => {
    const helper = person('helper', { roles: [MOD_ROLE] });
    rig.emulator.slashCommand(helper, 'setup');
    await nth(helper, 'Community settings', 1);
  });

  it('alerts a moderator who opted in by DM, naming the member and channel but never what they wrote', async () => {
    const mod = person('alerted-mod', { permissions: MANAGER_PERMISSIONS });
    rig.emulator.slashCommand(mod, 'setup');
    const menu = await nth(mod, 'Community settings', 1);
    rig.emulator.selectOption(mod, menu, 'Crisis alerts to me');
    rig.emulator.pressButton(mod, await nth(mod, 'Get a private message from me', 1), 'On');
    await nth(mod, 'Community settings', 2);

    const member = person('member-in-crisis');
    rig.emulator.slashCommand(member, 'checkin');
    const dm = rig.emulator.dmChannelOf(member);
    rig.emulator.pressButton(member, await rig.emulator.waitFor(member, dm, 'What I keep, and why'), 'I agree');
    await rig.emulator.waitFor(member, dm, 'How are you doing overall');
    rig.emulator.dm(member, "she's not breathing after using, what do i do");
    // The emergency number first. This server chose no region and the test sets no CRISIS_REGION, so it is the
    // international wording (the en-US locale once gave 911: a locale no longer picks a region).
    await rig.emulator.waitFor(member, dm, 'your local emergency number (112 works in many countries)');
    const modDm = rig.emulator.dmChannelOf(mod);
    const alert = await rig.emulator.waitFor(mod, modDm, 'A private note for moderators');
    expect(alert.content).toContain(`<@${member.id}>`);
    expect(alert.content).toContain(`<#${CHANNEL_ID}>`);
    expect(alert.content).not.toContain('breathing after');
    const call = await rig.emulator.waitForCall((c) => c.path.endsWith(`/channels/${modDm}/messages`) && c.method === 'POST');
    expect(call.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('posts the group check-in in the channel with a button that starts a private check-in', async () => {
    // 30 October 2027, 20:30 in New York (EDT, UTC-4).
    now = Date.parse('2027-10-31T00:30:00Z');
    await rig.tether.occasions.sweep();
    const watcher = person('watcher');
    const post = await nth(watcher, "Today's group check-in", 1);
    expect(post.ephemeralFor).toBeUndefined();
    expect(buttonsOf(post).map((b) => b.custom_id)).toEqual(['g|2027-10-30']);
    const member = person('member2');
    rig.emulator.pressButton(member, post, 'Check in privately');
    const dm = rig.emulator.dmChannelOf(member);
    await rig.emulator.waitFor(member, dm, 'What I keep, and why');
    const community = await rig.tether.db.community.findUniqueOrThrow({ where: { platform_externalId: { platform: 'discord', externalId: GUILD_ID } } });
    // The next one: Sunday 31 October, 20:30 in New York.
    expect(community.nextRunAt?.toISOString()).toBe('2027-11-01T00:30:00.000Z');
  });

  it('tells a member of the server from someone who left it (so a milestone never goes to a server they left)', async () => {
    const sink = rig.adapter.sink;
    expect(await sink.isMember(GUILD_ID, '1900000000000000777')).toBe(true);
    rig.emulator.leaveServer('1900000000000000777');
    expect(await sink.isMember(GUILD_ID, '1900000000000000777')).toBe(false);
  });
});
