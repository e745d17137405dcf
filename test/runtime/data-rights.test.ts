import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerJobId } from '../../src/queue/timer-queue.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

let env: TestEnvironment;
let h: Harness;

beforeAll(async () => {
  env = await createTestEnvironment();
  h = await startHarness(env.config);
});
afterAll(async () => {
  await h.tether.close();
  await env.cleanup();
});

describe('/forget', () => {
  it('removes the person, their check-ins and conversations, and their scheduled jobs in Redis', async () => {
    const who = person('forgetful');
    for (const line of ['/checkin', 'I agree', '3', '9', 'Keep going with the check-in', '5', '3', 'sad', 'rest', 'note', 'a note']) await h.say(who, line);
    const conversation = (await h.tether.runtime.conversation({ key: who }))!;
    const followUp = conversation.state.timers.find((t) => t.kind === 'follow-up')!;
    const jobId = timerJobId(conversation.id, followUp.id);
    expect(await h.tether.scheduler.queue.getJob(jobId)).toBeDefined();
    expect(await h.tether.db.checkIn.count({ where: { personId: conversation.personId } })).toBe(1);

    await h.say(who, '/forget');
    await h.say(who, 'No, keep it');
    expect(await h.tether.db.person.count({ where: { id: conversation.personId } })).toBe(1);
    await h.say(who, '/forget');
    await h.say(who, 'Yes, delete everything');

    expect(await h.tether.db.person.count({ where: { id: conversation.personId } })).toBe(0);
    expect(await h.tether.db.checkIn.count({ where: { personId: conversation.personId } })).toBe(0);
    expect(await h.tether.db.identity.count({ where: { externalId: 'forgetful' } })).toBe(0);
    expect(await h.tether.scheduler.queue.getJob(jobId)).toBeUndefined();
    expect(h.sink.texts('forgetful').at(-1)).toContain('Everything I held about you is deleted');

    // Coming back starts fresh: a new person, asked for consent again.
    await h.say(who, '/checkin');
    expect(h.sink.texts('forgetful').at(-1)).toContain('What I keep, and why');
  });
});
