import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompose } from './compose.js';
import { parseDockerfile, parseInstructions } from './dockerfile.js';
import { isIgnored, parseDockerignore } from './dockerignore.js';
import {
  composeProblems,
  containerHttpPort,
  dockerfileProblems,
  dockerignoreProblems,
  readmeProblems,
  servicesNamedInCommands,
} from './packaging-checks.js';

// No Docker engine runs here: these read the files and hold them to what the README promises. They cannot show that
// the image builds or that the containers start.
const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const files = {
  dockerfile: read('Dockerfile'),
  dockerignore: read('.dockerignore'),
  compose: read('docker-compose.yml'),
  readme: read('README.md'),
};

/** The text with one change; fails loudly if the change did not apply, so no check below passes by accident. */
function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed, `the edit ${String(from)} must change the text`).not.toBe(text);
  return changed;
}

const dockerfileWith = (from: string | RegExp, to: string) =>
  dockerfileProblems(parseDockerfile(edit(files.dockerfile, from, to)), containerHttpPort(parseCompose(files.compose)));
const composeWith = (from: string | RegExp, to: string) => composeProblems(parseCompose(edit(files.compose, from, to)));

describe('the Dockerfile parser', () => {
  it('joins continued lines, skips comments inside them and keeps the first line number', () => {
    const instructions = parseInstructions('FROM a AS b\n# note\nRUN one \\\n  # inside\n  && two\nUSER node\n');
    expect(instructions).toEqual([
      { keyword: 'FROM', args: 'a AS b', line: 1 },
      { keyword: 'RUN', args: 'one && two', line: 3 },
      { keyword: 'USER', args: 'node', line: 6 },
    ]);
  });

  it('splits stages at FROM and keeps ARGs before the first one as globals', () => {
    const parsed = parseDockerfile('ARG BASE=x\nFROM ${BASE} AS build\nRUN a\nFROM ${BASE}\nCMD ["node"]\n');
    expect(parsed.globals.map((g) => g.args)).toEqual(['BASE=x']);
    expect(parsed.stages.map((s) => [s.name, s.instructions.map((i) => i.keyword)])).toEqual([
      ['build', ['RUN']],
      [undefined, ['CMD']],
    ]);
  });
});

describe('.dockerignore matching', () => {
  const rules = parseDockerignore('node_modules/\n.env.*\n!.env.example\n**/*.log\n');
  it('covers what is inside an ignored directory, takes back negated paths and matches ** at any depth', () => {
    expect(isIgnored(rules, 'node_modules/pg/index.js')).toBe(true);
    expect(isIgnored(rules, '.env.local')).toBe(true);
    expect(isIgnored(rules, '.env.example')).toBe(false);
    expect(isIgnored(rules, 'a/b/c.log')).toBe(true);
    expect(isIgnored(rules, 'src/main.ts')).toBe(false);
  });
});

describe('packaging: what the README promises', () => {
  it('docker-compose.yml runs Tether beside healthy Postgres and Redis, persistent and on localhost only', () => {
    expect(composeProblems(parseCompose(files.compose))).toEqual([]);
  });

  it('the Dockerfile builds in stages and runs as a non-root user with production settings and a health check', () => {
    expect(dockerfileProblems(parseDockerfile(files.dockerfile), containerHttpPort(parseCompose(files.compose)))).toEqual([]);
  });

  it('.dockerignore keeps secrets and local installs out, and keeps in everything the Dockerfile copies', () => {
    expect(dockerignoreProblems(parseDockerignore(files.dockerignore), parseDockerfile(files.dockerfile))).toEqual([]);
  });

  it('the README shows how to start it, and every compose command it shows names a real service', () => {
    const compose = parseCompose(files.compose);
    expect(readmeProblems(files.readme, compose)).toEqual([]);
    const named = servicesNamedInCommands(files.readme).map((n) => n.service);
    expect(named).toEqual(expect.arrayContaining(['tether', 'postgres', 'redis']));
  });
});

describe('packaging: each check catches what it is for', () => {
  it('a Dockerfile that runs as root, or changes user too late, or has no user', () => {
    expect(dockerfileWith(/^USER node$/m, 'USER root')).toContainEqual(expect.stringContaining('runs as root'));
    expect(dockerfileWith(/^USER node$/m, 'USER 0:0')).toContainEqual(expect.stringContaining('runs as 0:0'));
    expect(dockerfileWith(/^USER node\n/m, '')).toContainEqual(expect.stringContaining('never leaves root'));
    expect(dockerfileWith(/^USER node\n([\s\S]*)$/m, '$1\nUSER node\n')).toContainEqual(expect.stringContaining('never leaves root'));
  });

  it('a Dockerfile with one stage, an Alpine runtime, no production mode, no health check, no fonts or the wrong port', () => {
    const oneStage = files.dockerfile.slice(files.dockerfile.indexOf('FROM ${NODE_IMAGE} AS runtime'));
    expect(dockerfileProblems(parseDockerfile(`ARG NODE_IMAGE=node:20-bookworm-slim\n${oneStage}`), 8080)).toContainEqual(
      expect.stringContaining('has 1'),
    );
    expect(dockerfileWith(/node:20-bookworm-slim/, 'node:20-alpine')).toContainEqual(expect.stringContaining('musl'));
    expect(dockerfileWith('NODE_ENV=production', 'NODE_ENV=development')).toContainEqual(expect.stringContaining('NODE_ENV=production'));
    expect(dockerfileWith("/healthz'", "/'")).toContainEqual(expect.stringContaining('HEALTHCHECK on /healthz'));
    expect(dockerfileWith('fonts-dejavu-core', 'ca-certificates')).toContainEqual(expect.stringContaining('font'));
    expect(dockerfileWith(/^EXPOSE 8080$/m, 'EXPOSE 3000')).toContainEqual(expect.stringContaining('EXPOSE 8080'));
    expect(dockerfileWith('HTTP_PORT=8080', 'HTTP_PROT=8080')).toContainEqual(expect.stringContaining('HTTP_PROT'));
  });

  it('a Dockerfile that copies .env, or starts through npm', () => {
    expect(dockerfileWith('COPY src ./src', 'COPY src ./src\nCOPY .env ./')).toContainEqual(expect.stringContaining('copies .env'));
    expect(dockerfileWith(/^CMD \[.*\]$/m, 'CMD ["npm", "start"]')).toContainEqual(expect.stringContaining('start node directly'));
    expect(dockerfileWith(/^CMD \[.*\]$/m, 'CMD ["node", "--import", "tsx", "src/main.ts"]')).toContainEqual(expect.stringContaining('run the built server'));
    expect(dockerfileWith('--max-old-space-size=128"', '--max-old-space-size=512"')).toContainEqual(expect.stringContaining('what npm run bench measures'));
  });

  it('a .dockerignore that lets secrets in or leaves out what the Dockerfile needs', () => {
    const dockerfile = parseDockerfile(files.dockerfile);
    const without = (line: RegExp) => dockerignoreProblems(parseDockerignore(edit(files.dockerignore, line, '')), dockerfile);
    expect(without(/^\.env$/m)).toContainEqual(expect.stringContaining('lets .env into'));
    expect(without(/^\.tether\/$/m)).toContainEqual(expect.stringContaining('.tether/encryption.key'));
    expect(without(/^node_modules\/$/m)).toContainEqual(expect.stringContaining('node_modules'));
    const tooMuch = dockerignoreProblems(parseDockerignore(`${files.dockerignore}\nprisma\n`), dockerfile);
    expect(tooMuch).toContainEqual(expect.stringContaining('copies prisma'));
  });

  it('a compose file whose databases are reachable from outside, or not persistent, or not awaited', () => {
    expect(composeWith('"127.0.0.1:5432:5432"', '"5432:5432"')).toContainEqual(expect.stringContaining('postgres publishes port 5432 on every interface'));
    expect(composeWith('"127.0.0.1:6379:6379"', '"0.0.0.0:6379:6379"')).toContainEqual(expect.stringContaining('redis publishes port 6379 on 0.0.0.0'));
    expect(composeWith('"--appendonly", "yes"', '"--appendonly", "no"')).toContainEqual(expect.stringContaining('--appendonly yes'));
    expect(composeWith('redis-data:/data', 'redis-data:/var/lib/redis')).toContainEqual(expect.stringContaining('volume on /data'));
    expect(composeWith('postgres-data:/var/lib/postgresql/data', 'postgres-data:/srv')).toContainEqual(expect.stringContaining('data directory'));
    expect(composeWith(/(postgres:\n\s+condition: )service_healthy/, '$1service_started')).toContainEqual(expect.stringContaining('healthy postgres'));
    expect(composeWith(/\n {4}healthcheck:\n {6}test: \["CMD", "redis-cli", "ping"\]\n(?: {6}.*\n)*/, '\n')).toContainEqual('service redis has no healthcheck');
  });

  it('a compose file whose Tether lacks .env, its port, readiness check, graceful stop, or sets a name Tether does not read', () => {
    expect(composeWith(/\n {2}env_file:\n {4}- path: \.env\n {6}required: false/, '')).toContainEqual(expect.stringContaining('read .env'));
    expect(composeWith('"127.0.0.1:8080:8080"', '"127.0.0.1:9090:9090"')).toContainEqual(expect.stringContaining('publish its HTTP port 8080'));
    expect(composeWith("8080/readyz'", "8080/healthz'")).toContainEqual(expect.stringContaining('/readyz'));
    expect(composeWith('stop_grace_period: 30s', 'stop_grace_period: 5s')).toContainEqual(expect.stringContaining('stop_grace_period'));
    expect(composeWith('REDIS_URL: redis://redis:6379', 'REDIS_URI: redis://redis:6379')).toContainEqual(expect.stringContaining('sets REDIS_URI'));
    expect(composeWith('TETHER_ROLE: worker', 'TETHER_ROLE: all')).toContainEqual(expect.stringContaining('TETHER_ROLE=worker'));
  });

  it('a README without the start command, or naming a service the compose file lacks, or the wrong port', () => {
    const compose = parseCompose(files.compose);
    expect(readmeProblems(edit(files.readme, /^ {3}docker compose up -d$/m, '   docker compose start'), compose)).toContainEqual(
      expect.stringContaining('`docker compose up -d`'),
    );
    expect(readmeProblems(edit(files.readme, 'logs -f tether', 'logs -f bot'), compose)).toContainEqual(expect.stringContaining('no service bot'));
    expect(readmeProblems(edit(files.readme, 'curl localhost:8080/readyz', 'curl localhost:3000/readyz'), compose)).toContainEqual(
      expect.stringContaining('port 3000'),
    );
    expect(readmeProblems(edit(files.readme, '## Self-hosting', '## Hosting'), compose)).toEqual(['the README has no "## Self-hosting" section']);
  });
});
