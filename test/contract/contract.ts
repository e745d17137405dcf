import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { eventually } from '../helpers/eventually.js';
import type { PrismaConversationStore } from '../../src/store/prisma-store.js';

/**
 * What every platform adapter must do the same way: the same scripted conversations, the same words, the same
 * stored outcome. Each adapter's test file passes a driver that speaks its platform (typed lines, Telegram
 * callback queries, Discord interactions) to `adapterContract`.
 */
export interface ContractDriver {
  readonly platform: string;
  readonly db: Database;
  /** Reads check-ins with people's words decrypted. */
  readonly store: PrismaConversationStore;
  /** The person sends a line in their private chat with Tether: a command or text. */
  say(user: string, text: string): Promise<void>;
  /** The person picks the option with this label on the latest question (a button, or its number typed). */
  choose(user: string, label: string): Promise<void>;
  /** Presses an option of an earlier, already answered question again (platforms with buttons only). */
  chooseStale?(user: string, questionText: string, label: string): Promise<void>;
  /** Everything the person can see in their private chat, as plain text, edits applied, oldest first. */
  transcript(user: string): Promise<string[]>;
  /** The files Tether sent the person (name and text content), oldest first. */
  files(user: string): Promise<Array<{ name: string; content: string }>>;
  close(): Promise<void>;
}

export async function waitForText(d: ContractDriver, user: string, text: string, timeoutMs = 15_000): Promise<string[]> {
  let last: string[] = [];
  return eventually(
    async () => {
      last = await d.transcript(user);
      return last.some((m) => m.includes(text)) ? last : undefined;
    },
    timeoutMs,
    () => `${d.platform}: "${text}". Last messages:\n${last.slice(-4).join('\n---\n')}`,
  );
}

/** A person's first check-in: /checkin, agree to what Tether keeps, and wait for the first question. */
async function startCheckIn(d: ContractDriver, u: string): Promise<void> {
  await d.say(u, '/checkin');
  await waitForText(d, u, 'What I keep, and why');
  await d.choose(u, 'I agree');
  await waitForText(d, u, 'How are you doing overall');
}

/** A person's first command: it, then agreeing to what Tether keeps. */
async function firstTime(d: ContractDriver, u: string, command: string, expect: string): Promise<void> {
  await d.say(u, command);
  await waitForText(d, u, 'What I keep, and why');
  await d.choose(u, 'I agree');
  await waitForText(d, u, expect);
}

/** How many messages contain `text` now. */
async function countOf(d: ContractDriver, u: string, text: string): Promise<number> {
  return (await d.transcript(u)).filter((m) => m.includes(text)).length;
}

/** Waits until `text` has appeared `n` times. */
async function waitForCount(d: ContractDriver, u: string, text: string, n: number): Promise<void> {
  await eventually(async () => ((await countOf(d, u, text)) >= n ? true : undefined), 15_000, () => `${d.platform}: ${n} × "${text}"`);
}

/** Counts messages containing `text` once things are quiet (nothing new for a moment). */
async function settledCount(d: ContractDriver, user: string, text: string): Promise<number> {
  let last = -1;
  for (;;) {
    const t = await d.transcript(user);
    if (t.length === last) return t.filter((m) => m.includes(text)).length;
    last = t.length;
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface ContractOptions {
  /** The platform shows answers as buttons that stay on screen, so an old one can be pressed again. */
  readonly buttons: boolean;
}

export function adapterContract(name: string, options: ContractOptions, makeDriver: () => Promise<ContractDriver>): void {
  describe(`adapter contract: ${name}`, () => {
    let d: ContractDriver;
    beforeAll(async () => {
      d = await makeDriver();
    });
    afterAll(async () => {
      await d?.close();
    });

    it('runs a full check-in by choosing options, and stores exactly one CheckIn with what was chosen', async () => {
      const u = `${name}-checkin`;
      await startCheckIn(d, u);
      await d.choose(u, '2');
      await waitForText(d, u, 'How strong is any craving');
      await d.choose(u, '3');
      await waitForText(d, u, 'how many hours did you sleep');
      await d.say(u, '6');
      await waitForText(d, u, 'How much stress');
      await d.choose(u, '4');
      await waitForText(d, u, 'Which word comes closest');
      await d.choose(u, 'Lonely');
      await waitForText(d, u, 'what do you need most');
      await d.choose(u, 'To be heard');
      await waitForText(d, u, 'What would help most');
      await d.choose(u, 'Just note it');
      await waitForText(d, u, "anything you'd like to add");
      await d.say(u, 'A <b>long</b> day & *no* markup, @everyone');
      const t = await waitForText(d, u, 'Thank you for checking in.');
      expect(t.join('\n')).toContain("You're feeling lonely, and what you need most is to be heard.");

      const identity = await d.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: d.platform, externalId: await userIdOf(d, u) } } });
      const rows = await d.store.checkInsOf(identity.personId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        mood: 2,
        craving: 3,
        sleepHours: 6,
        stress: 4,
        emotion: 'lonely',
        need: 'heard',
        response: 'note',
        note: 'A <b>long</b> day & *no* markup, @everyone',
        platform: d.platform,
      });
    });

    it('plays a timed breathing exercise to its end, every step once and in order', async () => {
      const u = `${name}-breathe`;
      await d.say(u, '/breathe');
      await waitForText(d, u, 'Which rhythm would you like?');
      await d.choose(u, 'Slow breathing (in 4, out 6)');
      const t = await waitForText(d, u, 'How do you feel now?', 30_000);
      const text = t.join('\n');
      expect(text).toContain('Slow breathing');
      // Where messages are edited in place only the last phase remains visible; elsewhere all twelve do.
      expect(text).toMatch(/Round 6 of 6/);
      await d.choose(u, 'A bit calmer');
      await waitForText(d, u, "That's your body settling");
    });

    it('answers an out-of-range answer kindly and asks again, losing nothing', async () => {
      const u = `${name}-bad`;
      await startCheckIn(d, u);
      await d.say(u, '42');
      await waitForText(d, u, 'A whole number from 1 to 5');
      await d.choose(u, '4');
      await waitForText(d, u, 'How strong is any craving');
    });

    it.runIf(options.buttons)('leaves a stale choice alone: it does not answer the question asked now', async () => {
      const u = `${name}-stale`;
      await startCheckIn(d, u);
      await d.choose(u, '5');
      await waitForText(d, u, 'How strong is any craving');
      await d.chooseStale!(u, 'How are you doing overall', '1');
      await new Promise((r) => setTimeout(r, 200));
      expect(await settledCount(d, u, 'How strong is any craving')).toBeGreaterThanOrEqual(1);
      await d.choose(u, '0');
      await waitForText(d, u, 'how many hours did you sleep');
    });

    it('meets a crisis message mid check-in at once with crisis help, and carries on after "it was a misunderstanding"', async () => {
      const u = `${name}-crisis`;
      await startCheckIn(d, u);
      await d.choose(u, '2');
      await waitForText(d, u, 'How strong is any craving');
      await d.say(u, 'honestly i just want to sleep and not wake up');
      await waitForText(d, u, "I'm really glad you told me");
      // No region is known (no CRISIS_REGION, no community; a locale is never one): the international directory,
      // then the country asked once, kindly, and that country's lines.
      const t = await waitForText(d, u, 'Which country are you in?');
      expect(t.join('\n')).toContain('findahelpline.com');
      await d.choose(u, 'United Kingdom');
      await waitForText(d, u, 'Samaritans: call 116 123');
      await waitForText(d, u, 'if you would like some company right now');
      const person = await d.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: d.platform, externalId: await userIdOf(d, u) } }, include: { person: true } });
      expect(person.person.crisisRegion).toBe('GB');
      await d.choose(u, 'It was a misunderstanding');
      await waitForText(d, u, 'sorry for jumping in');
      // The check-in asks its question again, right where it was.
      const askedAgain = async () => (await d.transcript(u)).filter((m) => m.includes('How strong is any craving')).length;
      await eventually(async () => ((await askedAgain()) >= 2 ? true : undefined), 10_000, 'the question asked again');
      expect(await askedAgain()).toBe(2);
    });

    it('gives help on /sos at any time, the emergency number first when someone is in danger', async () => {
      const u = `${name}-sos`;
      await d.say(u, '/sos');
      await waitForText(d, u, 'in danger right now?');
      await d.choose(u, 'Yes, right now');
      await waitForText(d, u, 'Please call');
      const text = (await waitForText(d, u, 'People who are there for exactly this')).join('\n');
      expect(text).toMatch(/Please call (your local emergency number|911)/);
      expect(text.indexOf('Please call')).toBeLessThan(text.indexOf('People who are there for exactly this'));
    });

    it('sends the person everything it holds on /mydata, and deletes all of it on /forget after a confirmation', async () => {
      const u = `${name}-data`;
      await startCheckIn(d, u);
      for (const [answer, next] of [['4', 'How strong'], ['8', 'Would you like to breathe'], ['Keep going with the check-in', 'how many hours'], ['6', 'How much stress'], ['2', 'Which word'], ['Tired', 'what do you need most'], ['Rest', 'What would help most'], ['Just note it', "anything you'd like to add"]] as const) {
        if (/^\d+$/.test(answer) && answer !== '6') await d.choose(u, answer);
        else if (answer === '6') await d.say(u, answer);
        else await d.choose(u, answer);
        await waitForText(d, u, next);
      }
      await d.say(u, 'my private words');
      await waitForText(d, u, 'Thank you for checking in.');

      await d.say(u, '/mydata');
      await waitForText(d, u, 'Here is everything I hold about you');
      const files = await eventually(async () => {
        const f = await d.files(u);
        return f.length ? f : undefined;
      }, 10_000, 'the data file');
      expect(files).toHaveLength(1);
      const data = JSON.parse(files[0]!.content) as { checkIns: Array<{ note: string; craving: number }>; conversations: Array<{ scheduled: unknown[] }> };
      expect(files[0]!.name).toMatch(/^tether-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      expect(data.checkIns).toHaveLength(1);
      expect(data.checkIns[0]).toMatchObject({ note: 'my private words', craving: 8 });
      expect(data.conversations.flatMap((c) => c.scheduled)).toHaveLength(1); // the follow-up after a high craving

      const identity = await d.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: d.platform, externalId: await userIdOf(d, u) } } });
      await d.say(u, '/forget');
      await waitForText(d, u, 'Delete everything?');
      await d.choose(u, 'Yes, delete everything');
      await waitForText(d, u, 'Everything I held about you is deleted');
      expect(await d.db.person.count({ where: { id: identity.personId } })).toBe(0);
      expect(await d.db.checkIn.count({ where: { personId: identity.personId } })).toBe(0);
      expect(await d.db.conversation.count({ where: { personId: identity.personId } })).toBe(0);
    });

    it('keeps a recovery plan in the person\'s words and shows their reasons on a strong craving', async () => {
      const u = `${name}-plan`;
      await firstTime(d, u, '/plan', 'Which part would you like to write or change?');
      await d.choose(u, 'My reasons');
      await waitForText(d, u, 'why does your recovery matter to you');
      await d.say(u, 'To be there for my brother.');
      await waitForCount(d, u, 'Which part would you like to write or change?', 2);
      await d.choose(u, 'Done');
      await waitForText(d, u, 'Your plan is saved');
      await d.say(u, '/checkin');
      await waitForText(d, u, 'How are you doing overall');
      await d.choose(u, '3');
      await waitForText(d, u, 'How strong is any craving');
      await d.choose(u, '9');
      const t = await waitForText(d, u, 'You wrote why this matters to you');
      expect(t.join('\n')).toContain('To be there for my brother.');
    });

    it('reflects on a slip without judgement and schedules a gentle follow-up', async () => {
      const u = `${name}-slip`;
      await firstTime(d, u, '/slip', 'what happened?');
      await d.say(u, 'skip');
      await waitForText(d, u, 'What was going on before it');
      await d.say(u, 'A hard week at work');
      await waitForText(d, u, 'what were you needing most');
      await d.choose(u, 'Rest');
      await waitForText(d, u, 'one small step toward repair');
      await d.say(u, 'An early night');
      await waitForText(d, u, 'Who could help you');
      await d.say(u, 'skip');
      const t = await waitForText(d, u, "I'll check in with you tomorrow");
      expect(t.join('\n')).toContain('Your next step: An early night.');
      const identity = await d.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: d.platform, externalId: await userIdOf(d, u) } } });
      expect(await d.db.slip.count({ where: { personId: identity.personId } })).toBe(1);
      const conversations = await d.db.conversation.findMany({ where: { personId: identity.personId } });
      const timers = conversations.flatMap((c) => (c.state as { timers: Array<{ flowId?: string }> }).timers);
      expect(timers.map((t) => t.flowId)).toContain('slip-follow-up');
    });

    it('names a supporter and words a concrete request to them', async () => {
      const u = `${name}-support`;
      await firstTime(d, u, '/supporters', 'Your supporters');
      await d.choose(u, 'Add someone');
      await waitForText(d, u, 'What do you call them?');
      await d.say(u, 'Robin');
      await waitForText(d, u, 'How do you usually reach them?');
      await d.say(u, 'text first');
      await waitForText(d, u, 'Added Robin');
      await d.choose(u, 'Done');
      await waitForText(d, u, '/reachout helps you ask');
      await d.say(u, '/reachout');
      await waitForText(d, u, "What's going on?");
      await d.choose(u, 'I feel alone');
      await waitForText(d, u, 'Which fits?');
      await d.choose(u, 'Text me back');
      await waitForText(d, u, 'Who would you like to ask?');
      await d.choose(u, 'Robin');
      await waitForText(d, u, 'Should I send it to them through Tether');
      await d.choose(u, "I'll send it myself");
      const t = await waitForText(d, u, 'Here is your message');
      expect(t.join('\n')).toContain('Could you text me when you see this? I could use some company right now.');
      expect(t.join('\n')).toContain('To Robin: text first.');
    });

    it('plans an event and keeps its check-ins', async () => {
      const u = `${name}-event`;
      await firstTime(d, u, '/event', "What's coming up?");
      for (const [line, next] of [
        ['Office party', 'Which day is it?'],
        ['2099-12-18', 'What time does it start?'],
        ['7pm', 'In which time zone?'],
      ] as const) {
        await d.say(u, line);
        await waitForText(d, u, next);
      }
      await d.choose(u, 'US Eastern (New York)');
      await waitForText(d, u, 'Who are you going with?');
      await d.say(u, 'Ana from my group');
      await waitForText(d, u, 'How and when will you leave?');
      await d.say(u, 'My own car, by 10');
      await waitForText(d, u, 'Who could you call');
      await d.choose(u, 'No one yet');
      await waitForText(d, u, 'Should I check in with you during it?');
      await d.choose(u, 'Once, an hour in');
      await waitForText(d, u, 'And afterwards?');
      await d.choose(u, 'The next morning');
      const t = await waitForText(d, u, 'Your plan for Office party');
      expect(t.join('\n')).toContain('Leaving: My own car, by 10');
      const identity = await d.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: d.platform, externalId: await userIdOf(d, u) } } });
      const plan = await d.db.eventPlan.findFirstOrThrow({ where: { personId: identity.personId }, include: { checkIns: { orderBy: { dueAt: 'asc' } } } });
      expect(plan.checkIns.map((c) => c.dueAt.toISOString())).toEqual(['2099-12-19T01:00:00.000Z', '2099-12-19T15:00:00.000Z']);
    });

    it('lists the last check-ins, counts milestones, and runs the self-compassion pause and urge surfing to their end', async () => {
      const u = `${name}-history`;
      await firstTime(d, u, '/history', 'Your last check-ins');
      await waitForText(d, u, 'No check-ins yet');
      await d.say(u, '/milestones');
      const m = await waitForText(d, u, 'Your milestones');
      expect(m.join('\n')).toContain('Check-ins so far: 0');
      await d.choose(u, 'Done');
      await d.say(u, '/kindness');
      await waitForText(d, u, 'What would you say to them?', 20_000);
      await d.say(u, 'skip');
      await waitForText(d, u, 'Thank you for giving yourself this pause', 20_000);
      await d.say(u, '/surf');
      await waitForText(d, u, 'How strong is the urge right now?');
      await d.choose(u, '8');
      await waitForText(d, u, 'How strong is the urge now?', 30_000);
      await d.choose(u, '3');
      await waitForText(d, u, 'It came down while you watched it');
    });

    it('stops any flow kindly with /cancel', async () => {
      const u = `${name}-cancel`;
      await d.say(u, '/ground');
      await waitForText(d, u, '5 things you can see');
      await d.say(u, '/cancel');
      await waitForText(d, u, "we've stopped the grounding exercise");
    });
  });
}

const userIds = new WeakMap<ContractDriver, Map<string, string>>();

/** Drivers may map the contract's user names to platform ids; they register them here. */
export function registerUserId(d: ContractDriver, user: string, platformUserId: string): void {
  const map = userIds.get(d) ?? new Map<string, string>();
  map.set(user, platformUserId);
  userIds.set(d, map);
}

async function userIdOf(d: ContractDriver, user: string): Promise<string> {
  return userIds.get(d)?.get(user) ?? user;
}

/** The first file part of a multipart/form-data body: its file name and its text. */
export function multipartFile(raw: string): { name: string; content: string } {
  const m = /filename="?([^"\r\n;]+)"?[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
  if (!m) throw new Error('no file in the upload');
  return { name: m[1]!, content: m[2]! };
}
