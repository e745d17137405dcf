import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/load.js';

describe('configuration', () => {
  it('works with nothing set, pointing at the standard local ports', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgresql://postgres:postgres@127.0.0.1:5432/tether');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.TIMING_SCALE).toBe(1);
    expect(config.FOLLOW_UP_MINUTES).toBe(60);
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('treats blank values as unset, so a copied .env.example works', () => {
    expect(loadConfig({ TIMING_SCALE: '', TELEGRAM_BOT_TOKEN: '  ' }).TIMING_SCALE).toBe(1);
  });

  it('reads numbers from strings', () => {
    expect(loadConfig({ TIMING_SCALE: '0.01', FOLLOW_UP_MINUTES: '5' })).toMatchObject({ TIMING_SCALE: 0.01, FOLLOW_UP_MINUTES: 5 });
  });

  it('lists every bad variable once, with what is wrong and an example, and never the value itself', () => {
    const secret = 'not-a-token-but-secret';
    let error: unknown;
    try {
      loadConfig({ TIMING_SCALE: 'fast', REDIS_URL: 'http://localhost', TELEGRAM_BOT_TOKEN: secret, FOLLOW_UP_MINUTES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('TIMING_SCALE'))).toContain('for example 0.01');
    expect(problems.find((p) => p.startsWith('REDIS_URL'))).toContain('redis://127.0.0.1:6379');
    expect(problems.find((p) => p.startsWith('FOLLOW_UP_MINUTES'))).toContain('at least 1');
    expect(problems.find((p) => p.startsWith('TELEGRAM_BOT_TOKEN'))).toContain('@BotFather');
    expect(message).not.toContain(secret);
  });
});

describe('.env.example', () => {
  it('lists every setting, and parses as it is', async () => {
    const { readFileSync } = await import('node:fs');
    const { configSchema } = await import('../src/config/schema.js');
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(text.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const documented = Object.keys(env).sort();
    const known = Object.keys(configSchema.shape).sort();
    expect(documented).toEqual(known);
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('takes the queue dashboard credentials only together, with a password of at least 12 characters', () => {
    expect(loadConfig({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'correct horse battery' })).toMatchObject({ DASHBOARD_USER: 'ops' });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ DASHBOARD_USER: 'ops' })).toEqual([expect.stringMatching(/^DASHBOARD_PASSWORD is required when DASHBOARD_USER is set/)]);
    expect(problems({ DASHBOARD_PASSWORD: 'correct horse battery' })).toEqual([expect.stringMatching(/^DASHBOARD_USER is required/)]);
    const short = problems({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'hunter2' });
    expect(short).toEqual([expect.stringMatching(/^DASHBOARD_PASSWORD must be at least 12 characters/)]);
    expect(short.join('')).not.toContain('hunter2');
  });
});
