import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queue } from 'bullmq';
import { deliveryJobId } from '../../src/delivery/delivery-queue.js';
import { HttpServer } from '../../src/http/http-server.js';
import { mountOperations } from '../../src/ops/operations.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';
import { startHarness, type Harness } from '../helpers/tether-harness.js';

/* The queue dashboard at /admin/queues: only with credentials configured, only for whoever has them, never showing
   what a job carries. */

const USER = 'ops';
const PASSWORD = 'correct horse battery';
const SENTENCE = 'Morning Robin, I am still proud of you for calling your sponsor';

let env: TestEnvironment;
let h: Harness;
let http: HttpServer;
let bare: HttpServer;
let base: string;

const auth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const get = (path: string, headers: Record<string, string> = auth(USER, PASSWORD)) => fetch(`${base}${path}`, { headers });

beforeAll(async () => {
  env = await createTestEnvironment({ DASHBOARD_USER: USER, DASHBOARD_PASSWORD: PASSWORD });
  h = await startHarness(env.config);
  http = new HttpServer();
  mountOperations(http, h.tether, env.config);
  await http.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${http.port}`;
  // The same Tether, served by a process whose configuration names no dashboard credentials.
  bare = new HttpServer();
  mountOperations(bare, h.tether, { ...env.config, DASHBOARD_USER: undefined, DASHBOARD_PASSWORD: undefined });
  await bare.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await http?.close();
  await bare?.close();
  await h?.tether.close();
  await env?.cleanup();
});

describe('queue dashboard', () => {
  it('is not there when no credentials are configured', async () => {
    const res = await fetch(`http://127.0.0.1:${bare.port}/admin/queues`, { headers: auth(USER, PASSWORD) });
    expect(res.status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${bare.port}/admin/queues/api/queues`)).status).toBe(404);
    // /metrics is served either way.
    expect((await fetch(`http://127.0.0.1:${bare.port}/metrics`)).status).toBe(200);
  });

  it('asks for credentials, and refuses wrong ones', async () => {
    for (const headers of [{}, auth(USER, 'correct horse battery!'), auth('root', PASSWORD), { authorization: 'Bearer x' }, auth(USER, '')]) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon-32x32.png']) {
        const res = await get(path, headers);
        expect(res.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="Tether queues"');
      }
    }
  });

  it("shows the page and lists Tether's queues to the right credentials", async () => {
    const page = await get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Tether queues</title>');
    // The UI's assets come with the package, from this server.
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await get(new URL(script!, `${base}/admin/queues/`).pathname)).status).toBe(200);

    const res = await get('/admin/queues/api/queues');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['deliver-test', 'occasions', 'timers']);
    expect(body.queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('never shows the words a delivery carries, nor whom it is for', async () => {
    const queue = h.tether.queues.find((q) => q.name === 'deliver-test')!;
    // Held in the queue so it can be looked at (the worker would send it at once).
    await queue.pause();
    try {
      await lookWithoutSeeing(queue);
    } finally {
      await queue.resume();
    }
  });

  it('changes nothing: retrying, cleaning and pausing are refused', async () => {
    const post = (path: string) => fetch(`${base}${path}`, { method: 'PUT', headers: auth(USER, PASSWORD) });
    for (const path of ['/admin/queues/api/queues/deliver-test/pause', '/admin/queues/api/queues/timers/clean/completed', '/admin/queues/api/queues/occasions/retry/failed']) {
      expect((await post(path)).status, path).toBe(405);
    }
    expect(await h.tether.queues.find((q) => q.name === 'deliver-test')!.isPaused()).toBe(false);
  });
});

/** Enqueues a delivery with a known sentence and reads it through the dashboard's API. */
async function lookWithoutSeeing(queue: Queue): Promise<void> {
  const target = { conversationId: 'conv-robin', chatId: 'dm-robin-4711', userId: 'robin-4711' };
  await h.tether.outbox.enqueue([{ platform: 'test', target, messages: [{ text: [{ text: SENTENCE }] }], key: 'checkin:robin-4711:2027-03-08' }]);
  const [job] = await queue.getJobs(['waiting']);
  // The words are there in Redis: the dashboard is what must leave them out.
  expect(JSON.stringify(job!.data)).toContain(SENTENCE);
  expect(job!.opts.deduplication?.id).toBe(deliveryJobId('checkin:robin-4711:2027-03-08'));

  const responses = [
    await get('/admin/queues/api/queues?activeQueue=deliver-test&status=waiting&page=1&jobsPerPage=10'),
    await get('/admin/queues/api/queues?activeQueue=deliver-test&status=latest'),
    await get(`/admin/queues/api/queues/deliver-test/${job!.id}`),
    await get(`/admin/queues/api/queues/deliver-test/${job!.id}/logs`),
  ];
  const listed = (await responses[0]!.clone().json()) as { queues: Array<{ name: string; jobs: Array<{ id: string; data: unknown }> }> };
  // The job is listed (so the check below looked at it), as an id, its timing and its state.
  expect(listed.queues.find((q) => q.name === 'deliver-test')!.jobs).toEqual([expect.objectContaining({ id: job!.id, data: '[hidden]' })]);
  for (const res of responses) {
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('proud of you');
    expect(text).not.toContain('Robin');
    expect(text).not.toContain('robin-4711');
  }
}
