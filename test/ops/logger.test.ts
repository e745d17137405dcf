import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/* Logs are JSON wherever no developer watches a terminal (a pipe here, as in production and CI), readable lines when
   asked for, and redacted either way. */

function logOnce(options: string, env: Record<string, string>): string {
  const script = `
    import { createLogger } from './src/runtime/logger.ts';
    const log = createLogger('info', 2${options});
    log.info({ text: 'I relapsed last night', conversationId: 'c1' }, 'handled an event');
    log.flush();
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

describe('logger', () => {
  it('writes JSON in development when stderr is not a terminal, with what people wrote redacted', () => {
    const out = logOnce('', { NODE_ENV: 'development' });
    const line = JSON.parse(out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'handled an event', conversationId: 'c1', text: '[redacted]', app: 'tether' });
  });

  it('writes readable lines when asked, still redacted', () => {
    const out = logOnce(', { pretty: true }', { NODE_ENV: 'development' });
    expect(out).toContain('handled an event');
    expect(out).toContain('[redacted]');
    expect(out).not.toContain('relapsed');
    expect(() => JSON.parse(out.trim())).toThrow();
  });
});
