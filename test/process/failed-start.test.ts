import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment, storageEnv } from '../helpers/environment.js';

/*
 * A start that fails after Postgres, Redis and the workers are up (here: Discord's API cannot be reached) must end
 * the process. Left running, it keeps its workers and /healthz alive, so neither Docker's healthcheck nor
 * `restart: unless-stopped` ever notices that it takes no events.
 */

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(async () => {
  await env?.cleanup();
});

describe('a start that fails', () => {
  it('exits with 1 instead of staying up half-started', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        ...storageEnv(env.config),
        DISCORD_TOKEN: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBB.CCCCCCCCCCCCCCCCCCCCCCCCCCC',
        DISCORD_APPLICATION_ID: '123456789012345678',
        // Nothing listens on the discard port.
        DISCORD_API_ROOT: 'http://127.0.0.1:9/api',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const outcome = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(stderr).toContain('Tether could not start');
    expect(outcome).toBe(1);
  }, 30_000);

  it('refuses to start a production server with no platform to serve, saying what to set', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', ENCRYPTION_KEY: 'ab'.repeat(32), TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(78);
    expect(stderr).toContain('no platform is configured');
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN');
  }, 30_000);
});
