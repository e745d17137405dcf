import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Job, Queue } from 'bullmq';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpServer } from '../http/http-server.js';
import { hasCredentials, type Credentials } from './basic-auth.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const HIDDEN = '[hidden]';

/**
 * Bull Board for one BullMQ queue, read-only and blind to what jobs carry. Delivery jobs hold the words sent to
 * people, and ids in deduplication keys can name them, so a job shows only its timing, attempts and state:
 * data, return value, deduplication key, logs and scheduler templates are replaced or left out before the board
 * sees them. Read-only mode is enforced by the board's API too (no retry, promote, clean or edit).
 */
export class PrivateQueueAdapter extends BullMQAdapter {
  constructor(queue: Queue) {
    super(queue, { readOnlyMode: true, allowRetries: false });
    this.setFormatter('data', () => HIDDEN);
    this.setFormatter('returnValue', () => HIDDEN);
  }

  override async getJob(id: string): Promise<Job | undefined> {
    const job = await super.getJob(id);
    return job ? withoutContent(job) : undefined;
  }

  override async getJobs(...args: Parameters<BullMQAdapter['getJobs']>): Promise<Job[]> {
    return (await super.getJobs(...args)).map(withoutContent);
  }

  override async getJobLogs(): Promise<string[]> {
    return [];
  }

  override async getJobSchedulers(): ReturnType<BullMQAdapter['getJobSchedulers']> {
    return (await super.getJobSchedulers()).map(({ template: _template, ...scheduler }) => scheduler);
  }
}

/** The job as the board serialises it (`toJSON`), with its content and identifying keys taken out. */
function withoutContent(job: Job): Job {
  const safe = Object.create(job) as Job;
  safe.toJSON = () => {
    const json = job.toJSON();
    const { deduplication: _deduplication, debounce: _debounce, ...opts } = json.opts as typeof json.opts & { debounce?: unknown };
    return { ...json, data: HIDDEN, returnvalue: HIDDEN, opts, deduplicationId: undefined } as unknown as ReturnType<Job['toJSON']>;
  };
  return safe;
}

/**
 * Mounts the dashboard at /admin/queues behind HTTP basic auth. Nothing is mounted without credentials, so the path
 * answers 404 like any unknown one.
 */
export function mountQueueBoard(http: HttpServer, queues: readonly Queue[], credentials: Credentials): void {
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new PrivateQueueAdapter(q)),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'Tether queues' } },
  });
  // The adapter's own app routes paths relative to where it is mounted.
  const app = server.getRouter() as (req: IncomingMessage, res: ServerResponse) => void;
  http.mount(QUEUE_BOARD_PATH, (req, res) => {
    if (!hasCredentials(req, credentials)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="Tether queues"', 'content-type': 'text/plain' }).end('Authentication required\n');
      return;
    }
    req.url = req.url!.slice(QUEUE_BOARD_PATH.length) || '/';
    app(req, res);
  });
}
