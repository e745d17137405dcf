import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { startTelegramRig, type TelegramRig } from '../adapters/telegram/telegram-harness.js';
import type { TelegramUser } from '../emulators/telegram.js';
import { settled } from '../helpers/settled.js';

/*
 * A Telegram group set up by its administrator, a group check-in answered privately by members, its anonymous
 * summary, and group breathing: real grammY against the Bot API emulator, real Postgres, Redis and BullMQ.
 */

const GROUP = -7101;
const ADMIN = 5101;
let env: TestEnvironment;
let rig: TelegramRig;
let now = Date.parse('2027-03-01T12:00:00Z');

beforeAll(async () => {
  env = await createTestEnvironment();
  rig = await startTelegramRig(env.config, { tether: { clock: () => now, occasionSettings: { sweepMs: 3_600_000, summaryMs: 3 * 3_600_000 } } });
});
afterAll(async () => {
  await rig?.stop();
  await env?.cleanup();
});

const countOf = (user: TelegramUser, text: string) => user.messages().filter((m) => m.text.includes(text)).length;

async function waitForCount(user: TelegramUser, text: string, n: number): Promise<void> {
  await eventually(() => (countOf(user, text) >= n ? true : undefined), 10_000, () => `${n} × "${text}"; last: ${user.messages().slice(-2).map((m) => m.text).join(' | ')}`);
}

/** Says `line` in a private chat and waits for the reply that follows it. */
async function say(user: TelegramUser, line: string): Promise<void> {
  const before = user.messages().length;
  await user.send(line);
  await eventually(() => (user.messages().length > before ? true : undefined), 10_000, `a reply to "${line}"`);
}

async function press(user: TelegramUser, label: string): Promise<void> {
  const before = user.messages().length;
  await user.press(label);
  await eventually(() => (user.messages().length > before ? true : undefined), 10_000, `a reply to pressing "${label}"`);
}

describe('a Telegram group with Tether', () => {
  it('refuses /setup from a member, politely, and opens the settings privately for an administrator', async () => {
    const member = rig.emulator.inGroup(5102, GROUP);
    await member.send('/setup');
    await member.waitFor("Only this community's moderators");

    rig.emulator.setMember(GROUP, ADMIN, 'administrator');
    const adminInGroup = rig.emulator.inGroup(ADMIN, GROUP);
    await adminInGroup.send('/setup');
    const pointer = await adminInGroup.waitFor('settings privately');
    const url = String((pointer.keyboard[0]![0] as { url: string }).url);
    expect(url).toBe(`https://t.me/TestNameBot?start=setup_m${-GROUP}`);

    // A member who found the link still gets a polite no: rights are checked again in the private chat.
    const memberDm = rig.emulator.privateChat(5102);
    await say(memberDm, `/start setup_m${-GROUP}`);
    expect(memberDm.messages().at(-1)?.text).toContain("Only this community's moderators");
  });

  it('lets the administrator configure the group with buttons and typed values, each checked and kept in the change log', async () => {
    const admin = rig.emulator.privateChat(ADMIN);
    await say(admin, `/start setup_m${-GROUP}`);
    await admin.waitFor('Community settings');
    await press(admin, 'Group check-in time');
    await say(admin, '19:00');
    await waitForCount(admin, 'Community settings', 2);
    await press(admin, 'Time zone');
    await say(admin, 'Berlin');
    await waitForCount(admin, 'Community settings', 3);
    await press(admin, 'Post group check-ins here');
    await press(admin, 'Yes, post them here');
    await waitForCount(admin, 'Community settings', 4);
    await press(admin, 'Invitation text');
    await say(admin, '@everyone <b>join</b> now');
    expect(admin.messages().at(-1)?.text).toContain('mentions');
    await say(admin, 'Evening check-in, friends. How was today?');
    await waitForCount(admin, 'Community settings', 5);
    await press(admin, 'Group check-in questions');
    await say(admin, 'mood; craving; How well did you rest?');
    await waitForCount(admin, 'Community settings', 6);
    await press(admin, 'Show the change log');
    const log = await admin.waitFor('set time to 19:00');
    expect(log.text).toContain('set time-zone to Europe/Berlin');
    expect(log.text).toContain(`${ADMIN} set channel to ${GROUP}`);
    await waitForCount(admin, 'Community settings', 7);
    await press(admin, 'Done');

    const community = await rig.tether.db.community.findUniqueOrThrow({ where: { platform_externalId: { platform: 'telegram', externalId: String(GROUP) } } });
    expect(community).toMatchObject({ minuteOfDay: 19 * 60, timeZone: 'Europe/Berlin', channelId: String(GROUP), invitation: 'Evening check-in, friends. How was today?' });
    // 1 March 2027, 19:00 in Berlin (CET).
    expect(community.nextRunAt?.toISOString()).toBe('2027-03-01T18:00:00.000Z');
    expect(await rig.tether.db.auditEntry.count({ where: { communityId: community.id } })).toBe(5);
  });

  it('posts the group check-in, members answer privately, and only an anonymous count and mood spread reach the group', async () => {
    now = Date.parse('2027-03-01T18:00:00Z');
    await rig.tether.occasions.sweep();
    const watcher = rig.emulator.inGroup(5199, GROUP);
    const post = await watcher.waitFor('Evening check-in, friends');
    const link = String((post.keyboard[0]![0] as { url: string }).url);
    expect(link).toBe(`https://t.me/TestNameBot?start=g_m${-GROUP}_20270301`);

    const moods = ['4', '2', '4'];
    for (const [i, mood] of moods.entries()) {
      const member = rig.emulator.privateChat(5201 + i);
      await say(member, `/start g_m${-GROUP}_20270301`);
      await say(member, 'I agree');
      // The community's questions, in its order: mood, craving, then its own.
      await member.waitFor('How are you doing overall');
      await say(member, mood);
      await say(member, '3');
      await member.waitFor('How well did you rest?');
      await say(member, String(2 + i));
      await member.waitFor('Thank you for checking in with the group');
    }
    // Answering the same group check-in again replaces the earlier answers: still three people.
    const again = rig.emulator.privateChat(5201);
    for (const line of [`/start g_m${-GROUP}_20270301`, '4', '3', '5']) await say(again, line);
    await waitForCount(again, 'Thank you for checking in with the group', 2);
    const rows = await rig.tether.db.groupAnswer.findMany({ where: { occasion: '2027-03-01' } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.answers.startsWith('enc:v1:'))).toBe(true);

    await settled(rig.tether);
    now = Date.parse('2027-03-01T21:00:00Z');
    await rig.tether.occasions.sweep();
    const summary = await watcher.waitFor('3 people checked in');
    expect(summary.text).toMatch(/^good\s+█+·*\s+2$/m);
    expect(summary.text).toMatch(/^low\s+█+·*\s+1$/m);
    const group = rig.emulator.messagesIn(GROUP).map((m) => m.text).join('\n');
    expect(group).not.toContain('private words');
    expect(group).not.toContain('hopeful');
  });

  it('gives the community\'s crisis lines, and alerts an administrator who opted in, privately, naming the member but never what they wrote', async () => {
    const admin = rig.emulator.privateChat(ADMIN);
    await say(admin, `/start setup_m${-GROUP}`);
    await waitForCount(admin, 'Community settings', 8);
    await press(admin, 'Crisis alerts to me');
    await press(admin, 'On');
    await waitForCount(admin, 'Community settings', 9);
    await press(admin, 'Crisis lines region');
    await say(admin, 'gb');
    await waitForCount(admin, 'Community settings', 10);
    await press(admin, 'Done');

    const member = rig.emulator.privateChat(5250);
    await say(member, `/start g_m${-GROUP}_20270301`);
    await say(member, 'I agree');
    await say(member, 'i took all my pills and i want to die');
    // The community's region decides the lines: Samaritans, not the international default.
    await member.waitFor('116 123');
    const alert = await admin.waitFor('A private note for moderators');
    expect(alert.text).not.toContain('pills');
    const call = await rig.emulator.waitForCall((c) => c.method === 'sendMessage' && String(c.payload.text).includes('A private note for moderators'));
    expect(String(call.payload.text)).toContain('<a href="tg://user?id=5250">a member</a>');
    // Another worrying message soon after does not send a second note.
    await say(member, 'i want to die');
    await new Promise((r) => setTimeout(r, 500));
    expect(countOf(admin, 'A private note for moderators')).toBe(1);
  });

  it('shares one milestone with the group only when the member chooses to, and nothing else', async () => {
    const member = rig.emulator.privateChat(5202);
    for (const line of ['/checkin', '4', '2', '7', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await say(member, line);
    await member.waitFor("I'm here whenever you want to check in again");
    await say(member, '/milestones');
    // Replies come as several messages: wait for the menu itself.
    await eventually(() => (member.messages().some((m) => m.keyboard.flat().some((b) => b.text === 'Share one with my group')) ? true : undefined), 10_000, 'the milestones menu');
    await press(member, 'Share one with my group');
    await press(member, 'My check-ins so far');
    await press(member, 'With my name');
    const watcher = rig.emulator.inGroup(5199, GROUP);
    const post = await watcher.waitFor('is sharing a milestone with the group: 1 check-in.');
    expect(post.text).not.toContain('Calm');
    const call = await rig.emulator.waitForCall((c) => c.method === 'sendMessage' && String(c.payload.text).includes('sharing a milestone'));
    expect(String(call.payload.text)).toContain('<a href="tg://user?id=5202">A member</a>');

    // Once they have left the group, nothing of theirs goes there.
    rig.emulator.setMember(GROUP, 5202, 'left');
    const posts = () => rig.emulator.callsOf('sendMessage').filter((c) => String(c.payload.text).includes('sharing a milestone')).length;
    const before = posts();
    await say(member, '/milestones');
    // Each button is pressed once its own question has arrived (a reply can come as several messages).
    const pressWhenShown = async (label: string) => {
      const shown = member.messages().length;
      const message = await eventually(() => member.messages().slice(shown - 3).reverse().find((m) => m.keyboard.flat().some((b) => b.text === label)), 10_000, `the button "${label}"`);
      await member.press(label, message);
    };
    await pressWhenShown('Share one with my group');
    await pressWhenShown('My check-ins so far');
    await pressWhenShown('With my name');
    await member.waitFor("no longer in that group, so I haven't shared anything");
    expect(posts()).toBe(before);
  });

  it('runs one shared breathing exercise in the group, editing one message, with no personal question', async () => {
    const member = rig.emulator.inGroup(5301, GROUP);
    await member.send('/breathe');
    await member.waitFor('Well done, everyone', 20_000);
    const group = rig.emulator.messagesIn(GROUP);
    expect(group.some((m) => m.text.includes('How do you feel now'))).toBe(false);
    expect(rig.emulator.callsOf('editMessageText').filter((c) => String(c.payload.chat_id) === String(GROUP)).length).toBeGreaterThan(5);
  });
});
