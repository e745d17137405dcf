/**
 * Reading docker-compose.yml the way Compose does, for the parts the packaging test checks: merge keys (`<<`), the
 * short and long forms of ports, volumes, env_file and environment.
 */
import { parse } from 'yaml';

export type Service = Record<string, unknown>;

export interface Compose {
  readonly services: Record<string, Service>;
  readonly volumes: Record<string, unknown>;
}

export function parseCompose(text: string): Compose {
  const doc = parse(text, { merge: true }) as { services?: Record<string, Service>; volumes?: Record<string, unknown> } | null;
  return { services: doc?.services ?? {}, volumes: doc?.volumes ?? {} };
}

export function environmentOf(service: Service): Record<string, string> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const [key, ...value] = String(entry).split('=');
        return [key!, value.join('=')];
      }),
    );
  }
  if (env && typeof env === 'object') {
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
  }
  return {};
}

export function envFilesOf(service: Service): string[] {
  const files = service.env_file;
  const list = Array.isArray(files) ? files : files === undefined ? [] : [files];
  return list.map((f) => (typeof f === 'string' ? f : String((f as { path?: unknown }).path)));
}

export interface PortMapping {
  readonly hostIp: string | undefined;
  readonly published: string | undefined;
  readonly target: number;
}

export function portsOf(service: Service): PortMapping[] {
  const ports = Array.isArray(service.ports) ? service.ports : [];
  return ports.map((p: unknown) => {
    if (typeof p === 'object' && p !== null) {
      const long = p as { target: number | string; published?: number | string; host_ip?: string };
      return { hostIp: long.host_ip, published: long.published === undefined ? undefined : String(long.published), target: Number(long.target) };
    }
    // [host_ip:][published:]target[/protocol]
    const parts = String(p).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.pop());
    const published = parts.pop() || undefined;
    const hostIp = parts.pop() || undefined;
    return { hostIp, published, target };
  });
}

export interface VolumeMount {
  readonly source: string | undefined;
  readonly target: string;
}

export function volumesOf(service: Service): VolumeMount[] {
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes.map((v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      const long = v as { source?: string; target: string };
      return { source: long.source, target: long.target };
    }
    const parts = String(v).split(':');
    return parts.length === 1 ? { source: undefined, target: parts[0]! } : { source: parts[0], target: parts[1]! };
  });
}

/** The healthcheck's command as one string, or undefined when there is none or it is disabled. */
export function healthcheckCommand(service: Service): string | undefined {
  const check = service.healthcheck as { test?: unknown; disable?: boolean } | undefined;
  if (!check || check.disable) return undefined;
  const test = check.test;
  if (Array.isArray(test)) {
    if (test[0] === 'NONE') return undefined;
    return test.filter((w) => w !== 'CMD' && w !== 'CMD-SHELL').join(' ') || undefined;
  }
  return typeof test === 'string' && test.trim() ? test : undefined;
}

export function commandWords(service: Service): string[] {
  const command = service.command;
  if (Array.isArray(command)) return command.map(String);
  return typeof command === 'string' ? command.split(/\s+/).filter(Boolean) : [];
}

/** Compose durations: `30s`, `1m30s`, `500ms`. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6 };
  let total = 0;
  let matched = '';
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    total += Number(m[1]) * units[m[2]!]!;
    matched += m[0];
  }
  return matched === value && matched !== '' ? total : undefined;
}
