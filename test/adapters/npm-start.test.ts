import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, DiscordEmulator } from '../emulators/discord/emulator.js';
import { TelegramEmulator } from '../emulators/telegram.js';
import { createTestEnvironment, eventually, type TestEnvironment, storageEnv } from '../helpers/environment.js';
import { argumentWords, envPairs, parseDockerfile } from '../ops/dockerfile.js';

let env: TestEnvironment;
let telegram: TelegramEmulator;
let discord: DiscordEmulator;

/** The runtime stage's CMD and NODE_OPTIONS, as the container runs them. */
function containerCommand(): { args: string[]; nodeOptions: string } {
  const runtime = parseDockerfile(readFileSync('Dockerfile', 'utf8')).stages.at(-1)!;
  const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)!;
  const env = new Map(runtime.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => envPairs(i.args)));
  return { args: argumentWords(cmd.args).slice(1), nodeOptions: env.get('NODE_OPTIONS') ?? '' };
}

const commands = [
  { name: 'npm start', args: ['--import', 'tsx', 'src/main.ts'], nodeOptions: '' },
  { name: "the container's command, built", ...containerCommand() },
];

beforeAll(async () => {
  // What the image builds (Dockerfile), here into dist/.
  await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json']);
  env = await createTestEnvironment();
  telegram = await TelegramEmulator.start();
  discord = await DiscordEmulator.start();
});
afterAll(async () => {
  await telegram?.stop();
  await discord?.stop();
  await env?.cleanup();
});

describe.each(commands)('$name with platform tokens', ({ args, nodeOptions }) => {
  it('runs Telegram and Discord side by side in one process, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        NODE_OPTIONS: nodeOptions,
        ...storageEnv(env.config),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_ROOT: discord.restApi,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(() => (stderr.includes('tether is running') ? true : undefined), 30_000, 'start-up');
      const logLine = stderr.split('\n').find((l) => l.includes('tether is running'))!;
      expect(JSON.parse(logLine).platforms).toEqual(['telegram', 'discord']);
      expect(stderr).not.toContain(telegram.token);
      expect(stderr).not.toContain(discord.token);

      const onTelegram = telegram.privateChat(3001);
      await onTelegram.send('/help');
      await onTelegram.waitFor('What we can do together', 15_000);

      const someone = { id: '1900000000000000001', username: 'sam' };
      discord.slashCommand(someone, 'help', { dm: true });
      await discord.waitFor(someone, discord.dmChannelOf(someone), 'What we can do together', 15_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('shutting down');
  }, 60_000);
});
