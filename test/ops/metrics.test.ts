import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, TransientDeliveryError } from '../../src/core/errors.js';
import type { OutboundMessage } from '../../src/core/messages.js';
import { HttpServer } from '../../src/http/http-server.js';
import { mountOperations } from '../../src/ops/operations.js';
import type { DeliveryTarget } from '../../src/core/ports.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { RecordingSink } from '../helpers/recording-sink.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

/* /metrics over HTTP, scraped from a real Tether (Postgres, Redis, BullMQ) while people use it. */

/** A platform that refuses deliveries to "flaky" as told (a 429, then a passing failure), then takes them. */
class FlakySink extends RecordingSink {
  readonly failures: Array<() => Error> = [];

  override async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    const failure = target.userId === 'flaky' ? this.failures.shift() : undefined;
    if (failure) throw failure();
    await super.deliver(target, messages);
  }
}

let env: TestEnvironment;
let h: Harness;
let http: HttpServer;
let sink: FlakySink;

beforeAll(async () => {
  env = await createTestEnvironment();
  sink = new FlakySink('test');
  h = await startHarness(env.config, { sink });
  http = new HttpServer();
  mountOperations(http, h.tether, env.config);
  await http.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await http?.close();
  await h?.tether.close();
  await env?.cleanup();
});

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${http.port}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one series (`name` with exactly these labels), or 0 when it is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? '')
      .split(/,(?=[a-zA-Z_]+=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    if (got === wanted) return Number(match[3]);
  }
  return 0;
}

describe('/metrics', () => {
  it("serves Prometheus' text format with Node's process metrics", async () => {
    const res = await fetch(`http://127.0.0.1:${http.port}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE tether_messages_in_total counter');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('counts a check-in: events in, messages out, answer times and the completed flows', async () => {
    const before = await scrape();
    const who = person('alex');
    const lines = ['/checkin', 'I agree', '4', '2', '7.5', '2', 'hopeful', 'closeness', 'note', 'Went to a meeting tonight.'];
    const sentBefore = sink.delivered.length;
    for (const line of lines) await h.say(who, line);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);

    expect(delta('tether_messages_in_total', { platform: 'test' })).toBe(lines.length);
    expect(delta('tether_messages_out_total', { platform: 'test' })).toBe(sink.delivered.length - sentBefore);
    expect(delta('tether_messages_out_total', { platform: 'test' })).toBeGreaterThanOrEqual(lines.length);
    expect(delta('tether_answer_seconds_count', { platform: 'test' })).toBe(lines.length);
    expect(delta('tether_answer_seconds_sum', { platform: 'test' })).toBeGreaterThan(0);
    expect(delta('tether_flow_completions_total', { flow: 'checkin' })).toBe(1);
    expect(delta('tether_flow_completions_total', { flow: 'consent' })).toBe(1);
    // Nothing the person wrote, and nobody's id, becomes a label.
    expect(after).not.toContain('meeting');
    expect(after).not.toContain('alex');
    expect(after).not.toContain('hopeful');
  });

  it('times timer jobs and counts a breathing exercise that was finished', async () => {
    const before = await scrape();
    const who = person('sam');
    await h.say(who, '/breathe box');
    await eventually(() => (sink.texts('sam').some((t) => t.includes('How do you feel now?')) ? true : undefined), 20_000, 'the end of the exercise');
    await h.say(who, 'A bit calmer');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    // The intro and sixteen rounds come back through the timer queue, one job each.
    expect(delta('tether_job_latency_seconds_count', { queue: 'timers' })).toBeGreaterThanOrEqual(16);
    expect(delta('tether_job_duration_seconds_count', { queue: 'timers' })).toBeGreaterThanOrEqual(16);
    expect(value(after, 'tether_job_latency_seconds_bucket', { queue: 'timers', le: '+Inf' })).toBe(value(after, 'tether_job_latency_seconds_count', { queue: 'timers' }));
    // Timers are due moments apart and start on time: lateness is small, not the length of their delays.
    expect(delta('tether_job_latency_seconds_sum', { queue: 'timers' }) / delta('tether_job_latency_seconds_count', { queue: 'timers' })).toBeLessThan(2);
    expect(delta('tether_flow_completions_total', { flow: 'breathe' })).toBe(1);
    // Each step the timers sent is a message out, though nobody wrote for it.
    expect(delta('tether_messages_out_total', { platform: 'test' })).toBeGreaterThanOrEqual(17);
    expect(delta('tether_messages_in_total', { platform: 'test' })).toBe(2);
  });

  it('does not count a flow the person cancelled as completed', async () => {
    const before = await scrape();
    const who = person('lee');
    for (const line of ['/checkin', 'I agree', '3', '/cancel']) await h.say(who, line);
    const after = await scrape();
    expect(value(after, 'tether_flow_completions_total', { flow: 'checkin' }) - value(before, 'tether_flow_completions_total', { flow: 'checkin' })).toBe(0);
    expect(value(after, 'tether_messages_in_total', { platform: 'test' }) - value(before, 'tether_messages_in_total', { platform: 'test' })).toBe(4);
  });

  it('counts the crisis screen answering, on the platform it answered on', async () => {
    const before = value(await scrape(), 'tether_crisis_replies_total', { platform: 'test' });
    await h.say(person('jo'), 'honestly everyone would be better off without me');
    expect(sink.texts('jo').join('\n')).toContain("I'm really glad you told me");
    expect(value(await scrape(), 'tether_crisis_replies_total', { platform: 'test' }) - before).toBe(1);
  });

  it('reads every queue at scrape time', async () => {
    const text = await scrape();
    for (const queue of ['timers', 'occasions', 'deliver-test']) {
      for (const state of ['waiting', 'delayed', 'active', 'failed']) {
        expect(text).toMatch(new RegExp(`^tether_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
    }
  });

  it('counts paced deliveries put back after a 429 and after a passing failure, and the message once it is sent', async () => {
    const before = await scrape();
    sink.failures.push(
      () => new RateLimitedError('test', 50),
      () => new TransientDeliveryError('test', Object.assign(new Error('bad gateway'), { status: 502 })),
    );
    const target = { conversationId: '', chatId: 'dm-flaky', userId: 'flaky' };
    await h.tether.outbox.enqueue([{ platform: 'test', target, messages: [{ text: [{ text: 'A gentle reminder' }] }], key: 'metrics-retry' }]);
    await eventually(() => (sink.texts('flaky').length ? true : undefined), 15_000, 'the delivery after its retries');
    const after = await eventually(async () => {
      const text = await scrape();
      return value(text, 'tether_job_duration_seconds_count', { queue: 'deliver-test' }) > value(before, 'tether_job_duration_seconds_count', { queue: 'deliver-test' }) ? text : undefined;
    }, 5_000, 'the delivery job to be timed');
    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(delta('tether_delivery_retries_total', { platform: 'test', reason: 'rate_limited' })).toBe(1);
    expect(delta('tether_delivery_retries_total', { platform: 'test', reason: 'transient' })).toBe(1);
    expect(delta('tether_messages_out_total', { platform: 'test' })).toBe(1);
    // The passing failure counts as a failed send and a failed queue attempt; the 429 is neither.
    expect(delta('tether_errors_total', { where: 'queue-deliver-test' })).toBe(1);
    expect(delta('tether_errors_total', { where: 'send' })).toBe(1);
    expect(after).not.toContain('flaky');
  });
});
