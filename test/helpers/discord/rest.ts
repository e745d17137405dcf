import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallInfo, CallMatcher, FaultHandle, FaultSpec, RecordedCall, RecordedFile } from './types.js';

/*
 * The emulator's HTTP side: routing by pattern, bot-token checks, body parsing (JSON and multipart with
 * payload_json), fault injection, and a record of every call. The routes themselves live in ./routes.ts.
 */

export interface RestRequest extends CallInfo {
  readonly files: readonly RecordedFile[];
  readonly headers: Readonly<Record<string, string>>;
  readonly auth: RecordedCall['auth'];
}

export interface RestReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

type Handler = (req: RestRequest) => RestReply | Promise<RestReply>;

interface RouteDef {
  readonly method: string;
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly auth: boolean;
  readonly handler: Handler;
}

interface Fault {
  readonly matcher: CallMatcher;
  readonly spec: FaultSpec;
  /** Pass the call through after the delay instead of failing it. */
  readonly passThrough: boolean;
  remaining: number;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): RestReply => ({ status, body, ...(headers ? { headers } : {}) });
export const noContent = (): RestReply => ({ status: 204 });
export const apiError = (status: number, code: number, message: string): RestReply => ({ status, body: { message, code } });

export class RestServer extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  private readonly routes: RouteDef[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | undefined;
  private seq = 0;
  baseUrl = '';

  constructor(
    private readonly token: () => string,
    private readonly log: ((line: string) => void) | undefined,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Registers a route. Patterns use `:name` for parameters; literal segments (`@me`, `@original`) win over parameters. */
  route(method: string, pattern: string, handler: Handler, options: { auth?: boolean } = {}): void {
    this.routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), auth: options.auth ?? true, handler });
  }

  failNext(matcher: CallMatcher, spec: FaultSpec, passThrough = false): FaultHandle {
    const fault: Fault = { matcher, spec, passThrough, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return {
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        fault.remaining = 0;
      },
    };
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.log?.(`rest: handler crashed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `emulator error: ${String(error)}`, code: 0 }));
      });
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private match(method: string, path: string): { route: RouteDef; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    let best: { route: RouteDef; params: Record<string, string>; literals: number } | undefined;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      let ok = true;
      for (const [i, seg] of route.segments.entries()) {
        const part = parts[i]!;
        if (seg.startsWith(':')) params[seg.slice(1)] = part;
        else if (seg === part) literals++;
        else {
          ok = false;
          break;
        }
      }
      if (ok && (!best || literals > best.literals)) best = { route, params, literals };
    }
    return best;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '') || '/';
    const raw = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k === 'authorization' || v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const authorization = req.headers.authorization;
    const auth: RecordedCall['auth'] = authorization === undefined ? 'none' : authorization === `Bot ${this.token()}` ? 'bot' : 'invalid';
    const query = Object.fromEntries(url.searchParams.entries());
    const found = this.match(method, path);
    const route = found?.route.pattern ?? '(unknown)';
    const params = found?.params ?? {};

    let parsed: { body: unknown; files: RecordedFile[] } | RestReply;
    try {
      parsed = await parseBody(raw, req.headers['content-type']);
    } catch {
      parsed = apiError(400, 50109, 'The request body contains invalid JSON.');
    }

    let reply: RestReply;
    let injected = false;
    const body = 'status' in parsed ? undefined : parsed.body;
    const files = 'status' in parsed ? [] : parsed.files;
    const info: RestRequest = { method, path, route, params, query, body, files, headers, auth };
    const fault = this.takeFault(info);
    if (fault?.spec.delayMs) await new Promise((r) => setTimeout(r, fault.spec.delayMs));
    if (fault && !fault.passThrough) {
      injected = true;
      reply = { status: fault.spec.status, body: fault.spec.body, headers: refreshRateLimitHeaders(fault.spec.headers) };
    } else if ('status' in parsed) {
      reply = parsed;
    } else if (!found) {
      reply = apiError(404, 0, '404: Not Found');
    } else if (found.route.auth && auth !== 'bot') {
      reply = apiError(401, 0, '401: Unauthorized');
    } else {
      reply = await found.route.handler(info);
    }

    const call: RecordedCall = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      path,
      route,
      params,
      query,
      body,
      files,
      headers,
      auth,
      status: reply.status,
      response: reply.body,
      injected,
    };
    this.calls.push(call);
    this.log?.(`rest: ${method} ${path}${url.search} → ${reply.status}${injected ? ' (injected)' : ''}`);
    this.emit('call', call);

    if (reply.status === 204 || reply.body === undefined) {
      // No content-type on an empty answer: undici would try to parse it as JSON and throw.
      res.writeHead(reply.status, { ...reply.headers }).end();
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
    }
  }

  private takeFault(info: CallInfo): Fault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f.matcher, info));
    if (!fault) return undefined;
    fault.remaining--;
    return fault;
  }
}

export function matches(matcher: CallMatcher, info: CallInfo): boolean {
  if (typeof matcher === 'function') return matcher(info);
  const line = `${info.method} ${info.path}`;
  if (matcher instanceof RegExp) return matcher.test(line);
  const [method, target] = matcher.includes(' ') ? (matcher.split(' ', 2) as [string, string]) : ['*', matcher];
  if (method !== '*' && method.toUpperCase() !== info.method) return false;
  return target === info.route || target === info.path;
}

function refreshRateLimitHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out = { ...headers };
  const after = out['x-ratelimit-reset-after'];
  if (after !== undefined) out['x-ratelimit-reset'] = ((Date.now() + Number(after) * 1000) / 1000).toFixed(3);
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    const fields: Record<string, unknown> = {};
    let payload: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') payload = JSON.parse(value);
        else fields[field] = value;
      } else {
        files.push({ field, filename: value.name, contentType: value.type, size: value.size });
      }
    }
    return { body: payload ?? fields, files };
  }
  const text = raw.toString('utf8');
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}
