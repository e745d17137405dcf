/**
 * What the README's Self-hosting section promises about Dockerfile, .dockerignore and docker-compose.yml, as checks
 * that return one plain sentence per broken promise (an empty list: all kept). No Docker engine runs here, so these
 * read the files; they cannot show that the image builds.
 */
import { CONTAINER_NODE_FLAGS } from '../../bench/memory.js';
import { configSchema } from '../../src/config/schema.js';
import {
  commandWords,
  durationSeconds,
  envFilesOf,
  environmentOf,
  healthcheckCommand,
  portsOf,
  volumesOf,
  type Compose,
  type Service,
} from './compose.js';
import { argumentWords, copySources, envPairs, type Dockerfile, type Instruction } from './dockerfile.js';
import { isIgnored, type IgnoreRule } from './dockerignore.js';

/** Names Tether reads: its config schema, plus the role and dashboard settings (read outside the schema for now). */
export const tetherEnvNames: ReadonlySet<string> = new Set([
  ...Object.keys(configSchema.shape),
  'TETHER_ROLE',
  'DASHBOARD_USER',
  'DASHBOARD_PASSWORD',
]);

const DEFAULT_HTTP_PORT = 8080;

/** Services that run Tether's own image (built from this directory). */
export function tetherServices(compose: Compose): Array<[string, Service]> {
  return Object.entries(compose.services).filter(([, s]) => buildContext(s) !== undefined);
}

function buildContext(service: Service): string | undefined {
  const build = service.build;
  if (typeof build === 'string') return build;
  if (build && typeof build === 'object') return String((build as { context?: unknown }).context ?? '.');
  return undefined;
}

/** The port Tether listens on inside its container. */
export function containerHttpPort(compose: Compose): number {
  const tether = compose.services.tether;
  const value = tether ? environmentOf(tether).HTTP_PORT : undefined;
  return value ? Number(value) : DEFAULT_HTTP_PORT;
}

export function composeProblems(compose: Compose): string[] {
  const problems: string[] = [];
  const { tether, postgres, redis } = compose.services;
  for (const [name, service] of Object.entries({ tether, postgres, redis })) {
    if (!service) problems.push(`service ${name} is missing`);
  }
  if (!tether || !postgres || !redis) return problems;

  const context = buildContext(tether);
  if (context !== '.' && context !== './') problems.push(`tether must build from "." (the Dockerfile here), not ${String(context)}`);
  if (!envFilesOf(tether).includes('.env')) problems.push('tether must read .env (env_file), where tokens and ENCRYPTION_KEY live');
  const port = containerHttpPort(compose);
  if (!portsOf(tether).some((p) => p.target === port && p.published !== undefined)) {
    problems.push(`tether must publish its HTTP port ${port}`);
  }
  const dependsOn = tether.depends_on;
  for (const needed of ['postgres', 'redis']) {
    const condition = dependsOn && !Array.isArray(dependsOn) ? (dependsOn as Record<string, { condition?: string }>)[needed]?.condition : undefined;
    if (condition !== 'service_healthy') problems.push(`tether must wait for a healthy ${needed} (depends_on with condition: service_healthy)`);
  }
  const readiness = healthcheckCommand(tether) ?? '';
  if (!readiness.includes('/readyz')) problems.push('tether healthcheck must ask /readyz');
  const checkedPort = /:(\d+)\/readyz/.exec(readiness)?.[1];
  if (checkedPort && Number(checkedPort) !== port) problems.push(`tether healthcheck asks port ${checkedPort}, but Tether listens on ${port}`);
  if (!/\ball\b/.test(environmentOf(tether).TETHER_ROLE ?? 'all')) problems.push('tether must default to TETHER_ROLE=all');

  const words = commandWords(redis);
  const appendonly = words.indexOf('--appendonly');
  if (appendonly < 0 || words[appendonly + 1] !== 'yes') problems.push('redis must run with --appendonly yes, so delayed jobs survive a restart');
  if (!volumesOf(redis).some((v) => v.target === '/data')) problems.push('redis needs a volume on /data, where its append-only file lives');
  const pgData = environmentOf(postgres).PGDATA || '/var/lib/postgresql/data';
  if (!volumesOf(postgres).some((v) => pgData === v.target || pgData.startsWith(`${v.target}/`))) {
    problems.push(`postgres needs a volume on its data directory ${pgData}`);
  }

  for (const [name, service] of Object.entries(compose.services)) {
    if (!healthcheckCommand(service)) problems.push(`service ${name} has no healthcheck`);
    for (const mapping of portsOf(service)) {
      if (mapping.published !== undefined && mapping.hostIp !== '127.0.0.1') {
        problems.push(`service ${name} publishes port ${mapping.target} on ${mapping.hostIp ?? 'every interface'}; the README promises 127.0.0.1 only`);
      }
    }
    for (const volume of volumesOf(service)) {
      const named = volume.source !== undefined && !/^[./~]/.test(volume.source);
      if (named && !(volume.source! in compose.volumes)) problems.push(`service ${name} mounts volume ${volume.source}, which is not declared`);
    }
  }

  for (const [name, service] of tetherServices(compose)) {
    for (const key of Object.keys(environmentOf(service))) {
      if (!tetherEnvNames.has(key)) problems.push(`service ${name} sets ${key}, which Tether does not read`);
    }
    if (service.init !== true) problems.push(`service ${name} needs init: true, so signals reach Tether and children are reaped`);
    const grace = durationSeconds(service.stop_grace_period);
    if (grace === undefined || grace < 20) problems.push(`service ${name} needs stop_grace_period of at least 20s for a graceful shutdown`);
    if (!service.restart) problems.push(`service ${name} needs a restart policy`);
  }

  const worker = compose.services.worker;
  if (worker) {
    if (environmentOf(worker).TETHER_ROLE !== 'worker') problems.push('service worker must set TETHER_ROLE=worker');
    if (!Array.isArray(worker.profiles) || worker.profiles.length === 0) problems.push('service worker must sit under a profile, so a plain `up` does not start it');
    if (portsOf(worker).some((p) => p.published !== undefined)) problems.push('service worker must publish no port, or --scale collides');
  }
  return problems;
}

function resolveArgs(value: string, dockerfile: Dockerfile): string {
  return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => {
    const arg = dockerfile.globals.find((a) => a.args.split('=')[0] === name);
    return arg?.args.includes('=') ? arg.args.slice(arg.args.indexOf('=') + 1) : whole;
  });
}

export function dockerfileProblems(dockerfile: Dockerfile, httpPort: number): string[] {
  const problems: string[] = [];
  if (dockerfile.stages.length < 2) problems.push(`the Dockerfile needs a build and a runtime stage; it has ${dockerfile.stages.length}`);
  const last = dockerfile.stages.at(-1);
  if (!last) return problems;
  const find = (keyword: string) => last.instructions.filter((i) => i.keyword === keyword);

  const base = resolveArgs(last.base, dockerfile);
  if (/alpine|musl/i.test(base)) problems.push(`the runtime base ${base} uses musl; @napi-rs/canvas needs glibc (Debian slim)`);

  const cmd = find('CMD').at(-1);
  if (!cmd) problems.push('the runtime stage has no CMD');
  const usersBeforeCmd = last.instructions.filter((i) => i.keyword === 'USER' && (!cmd || i.line < cmd.line));
  const user = usersBeforeCmd.at(-1);
  if (!user) problems.push('the runtime stage never leaves root: add USER before CMD');
  else if (/^(root|0)(:|$)/.test(user.args.trim())) problems.push(`the runtime stage runs as ${user.args.trim()}; it must be a non-root user`);
  if (cmd) {
    const words = argumentWords(cmd.args);
    if (!cmd.args.startsWith('[') || words[0] !== 'node') {
      problems.push('CMD must start node directly in exec form, so SIGTERM reaches Tether (not npm, not a shell)');
    }
    if (words.includes('tsx') || !words.some((w) => /^dist\/.*\.js$/.test(w))) {
      problems.push('CMD must run the built server (dist/src/main.js), not the sources through a TypeScript loader');
    }
  }

  const env = new Map(find('ENV').flatMap((i) => envPairs(i.args)));
  if (env.get('NODE_ENV') !== 'production') problems.push('the runtime stage must set NODE_ENV=production');
  for (const key of env.keys()) {
    if (!tetherEnvNames.has(key) && key !== 'NODE_OPTIONS') problems.push(`the runtime stage sets ${key}, which Tether does not read`);
  }
  if (env.get('NODE_OPTIONS') !== CONTAINER_NODE_FLAGS.join(' ')) {
    problems.push(`the runtime stage's NODE_OPTIONS must be what npm run bench measures as the container: ${CONTAINER_NODE_FLAGS.join(' ')}`);
  }
  const healthcheck = find('HEALTHCHECK').at(-1);
  if (!healthcheck || /^NONE\b/i.test(healthcheck.args) || !healthcheck.args.includes('/healthz')) {
    problems.push('the runtime stage needs a HEALTHCHECK on /healthz');
  }
  const exposed = find('EXPOSE').flatMap((i) => i.args.split(/\s+/).map((p) => Number(p.split('/')[0])));
  if (!exposed.includes(httpPort)) problems.push(`the runtime stage must EXPOSE ${httpPort}, the port docker-compose.yml publishes`);
  if (!find('RUN').some((i) => /\bfonts-[a-z]/.test(i.args))) problems.push('the runtime stage installs no font package; chart text would not render');

  for (const stage of dockerfile.stages) {
    for (const instruction of stage.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
      const { from, sources } = copySources(instruction.args);
      if (from !== undefined) continue;
      for (const source of sources) {
        if (isSecretPath(source)) problems.push(`line ${instruction.line} copies ${source} into the image; secrets belong in the environment`);
      }
    }
  }
  return problems;
}

function isSecretPath(source: string): boolean {
  const path = source.replace(/^\.\//, '').replace(/\/$/, '');
  return (path === '.env' || path.startsWith('.env.') || path.startsWith('.env*') || path === '.tether' || path.startsWith('.tether/')) && path !== '.env.example';
}

export function dockerignoreProblems(rules: readonly IgnoreRule[], dockerfile: Dockerfile): string[] {
  const problems: string[] = [];
  const mustIgnore = ['.env', '.env.production', '.tether/encryption.key', 'node_modules/pg/package.json', '.git/config'];
  for (const path of mustIgnore) {
    if (!isIgnored(rules, path)) problems.push(`.dockerignore lets ${path} into the build context`);
  }
  const copied: Instruction[] = dockerfile.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD'));
  for (const instruction of copied) {
    const { from, sources } = copySources(instruction.args);
    if (from !== undefined) continue;
    for (const source of sources) {
      if (source !== '.' && isIgnored(rules, source.replace(/\/$/, ''))) {
        problems.push(`the Dockerfile copies ${source} (line ${instruction.line}), but .dockerignore leaves it out`);
      }
    }
  }
  return problems;
}

/** The text of a `## ` section, without its heading, up to the next `## `. */
export function readmeSection(readme: string, title: string): string | undefined {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) return undefined;
  const body = readme.slice(start + title.length + 5);
  const end = body.search(/\n## /);
  return end < 0 ? body : body.slice(0, end);
}

/** Every service a `docker compose ...` command in the text names. */
export function servicesNamedInCommands(text: string): Array<{ command: string; service: string }> {
  const out: Array<{ command: string; service: string }> = [];
  for (const m of text.matchAll(/docker compose ([^`\n#]*)/g)) {
    const command = m[0].trim();
    const words = m[1]!.trim().split(/\s+/);
    const sub = words.findIndex((w) => ['up', 'run', 'exec', 'logs', 'stop', 'start', 'restart'].includes(w));
    if (sub < 0) continue;
    const rest = words.slice(sub + 1);
    const takesOne = words[sub] === 'run' || words[sub] === 'exec';
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word === '--scale') {
        out.push({ command, service: rest[++i]!.split('=')[0]! });
        continue;
      }
      if (word.startsWith('-') || word === '<' || word === '>') continue;
      out.push({ command, service: word });
      if (takesOne) break;
    }
  }
  return out;
}

export function readmeProblems(readme: string, compose: Compose): string[] {
  const problems: string[] = [];
  const section = readmeSection(readme, 'Self-hosting');
  if (!section) return ['the README has no "## Self-hosting" section'];
  if (!/^\s*docker compose up -d\s*(#.*)?$/m.test(section)) problems.push('the Self-hosting section must show `docker compose up -d`');
  if (!section.includes('ENCRYPTION_KEY') || !section.includes('openssl rand -hex 32')) {
    problems.push('the Self-hosting section must say how to make ENCRYPTION_KEY (openssl rand -hex 32)');
  }
  for (const { command, service } of servicesNamedInCommands(readme)) {
    if (!(service in compose.services)) problems.push(`the README runs "${command}", but docker-compose.yml has no service ${service}`);
  }
  const published = compose.services.tether ? portsOf(compose.services.tether).find((p) => p.target === containerHttpPort(compose))?.published : undefined;
  for (const m of section.matchAll(/curl [^\s]*?:(\d+)\/readyz/g)) {
    if (m[1] !== published) problems.push(`the README checks port ${m[1]}/readyz, but tether is published on ${published ?? 'no port'}`);
  }
  return problems;
}
