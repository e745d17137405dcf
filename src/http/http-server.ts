import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What /metrics serves: Prometheus' text format (a prom-client Registry fits). */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

/**
 * Tether's one HTTP port: platform webhooks, /healthz (the process is up), /readyz (it can do its work), /metrics,
 * and whatever is mounted under a prefix (the queue dashboard).
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly prefixes: Array<{ readonly prefix: string; readonly handler: RouteHandler }> = [];
  private server: Server | undefined;

  /** The port listened on, once listening. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  constructor() {
    this.route('GET', '/healthz', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  }

  /** /readyz: 200 when every check passes, 503 otherwise, with each check's result. */
  readiness(check: () => Promise<Record<string, boolean>>): void {
    this.route('GET', '/readyz', async (_req, res) => {
      const checks = await check();
      const ok = Object.values(checks).every(Boolean);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok, checks }));
    });
  }

  /** /metrics: every metric in Prometheus' text format. */
  metrics(source: MetricsSource): void {
    this.route('GET', '/metrics', async (_req, res) => {
      const body = await source.metrics();
      res.writeHead(200, { 'content-type': source.contentType }).end(body);
    });
  }

  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  /** Every method and every path at or under `prefix` ("/admin/queues" takes "/admin/queues/api/queues"). */
  mount(prefix: string, handler: RouteHandler): void {
    this.prefixes.push({ prefix: prefix.replace(/\/+$/, ''), handler });
  }

  async listen(port: number, host: string): Promise<number> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const handler =
        this.routes.get(`${req.method} ${path}`) ?? this.prefixes.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.handler;
      if (!handler) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
      Promise.resolve(handler(req, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
