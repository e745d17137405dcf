import type { Queue } from 'bullmq';
import type { Config } from '../config/schema.js';
import type { HttpServer } from '../http/http-server.js';
import type { TetherMetrics } from './metrics.js';
import { mountQueueBoard } from './queue-board.js';

/** What operators look at on the HTTP port: /metrics always, the queue dashboard when its credentials are set. */
export function mountOperations(
  http: HttpServer,
  tether: { readonly metrics: TetherMetrics; readonly queues: readonly Queue[] },
  config: Pick<Config, 'DASHBOARD_USER' | 'DASHBOARD_PASSWORD'>,
): void {
  http.metrics(tether.metrics.registry);
  if (config.DASHBOARD_USER && config.DASHBOARD_PASSWORD) {
    mountQueueBoard(http, tether.queues, { user: config.DASHBOARD_USER, password: config.DASHBOARD_PASSWORD });
  }
}
