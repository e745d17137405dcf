import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startTether } from '../../src/app.js';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter.js';
import { createTestEnvironment, eventually, type TestEnvironment, storageEnv } from '../helpers/environment.js';
import { UNSURE_EN, unsureScreen } from '../helpers/unsure-screen.js';

let env: TestEnvironment;

beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(async () => {
  await env.cleanup();
});

interface ChatOptions {
  readonly drainTimeoutMs?: number;
  readonly locale?: string;
  readonly region?: string;
  readonly screens?: Parameters<typeof startTether>[1]['screens'];
}

/** Runs the terminal chat in-process with piped input; returns everything it printed. */
async function chat(user: string, lines: string[], options: ChatOptions = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const { drainTimeoutMs = 20_000, locale, region, screens } = options;
  const terminal = new TerminalAdapter({ input, output, user, drainTimeoutMs, ...(locale ? { locale } : {}) });
  const config = region ? { ...env.config, CRISIS_REGION: region } : env.config;
  const tether = await startTether(config, { sinks: [terminal.sink], log: pino({ level: 'silent' }), ...(screens ? { screens } : {}) });
  try {
    input.end(lines.map((l) => `${l}\n`).join(''));
    await terminal.run(tether.runtime);
  } finally {
    await tether.close();
  }
  return printed;
}

/** Runs the real entry point as its own process, as `npm run console` does. */
function consoleProcess(env2: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--console'], {
    env: { ...process.env, ...env2 },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

function childEnv(user: string): Record<string, string> {
  return {
    ...storageEnv(env.config),
    TIMING_SCALE: '0.05',
    TERMINAL_USER: user,
  };
}

describe('terminal chat', () => {
  it('completes a check-in typed line by line, numbered choices answered by number or label', async () => {
    const printed = await chat('robin', ['/checkin', 'I agree', '3', '1', '8', '2', '2', 'Reassurance', 'just note it', 'skip']);
    expect(printed).toContain('  1. Anxious');
    expect(printed).toContain('  11. Something else');
    expect(printed).toContain('(1 = really low … 5 = really good)');
    expect(printed).toContain("You're feeling lonely, and what you need most is reassurance.");
    const tether = await startTether(env.config, { sinks: [], log: pino({ level: 'silent' }) });
    try {
      const identity = await tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'terminal', externalId: 'robin' } } });
      const rows = await tether.db.checkIn.findMany({ where: { personId: identity.personId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ mood: 3, craving: 1, sleepHours: 8, stress: 2, emotion: 'lonely', need: 'reassurance', response: 'note', note: null, platform: 'terminal' });
    } finally {
      await tether.close();
    }
  });

  it('plays a whole breathing exercise from piped input, waiting at the end for the timed steps', async () => {
    const printed = await chat('morgan', ['/breathe', '1']);
    expect(printed.match(/Round \d of 4/g)).toHaveLength(16);
    expect(printed).toContain('How do you feel now?');
    expect(printed).not.toContain('\x1b['); // no colour codes when the output is not a terminal
  });

  it('answers bad input kindly and loses nothing', async () => {
    const printed = await chat('sky', ['/checkin', '1', '11', 'hmm', 'x'.repeat(5000), '4', '/dance', '2']);
    expect(printed).toContain('A whole number from 1 to 5');
    expect(printed).toContain('Could you answer with a number from 1 to 5?');
    expect(printed).toContain('under 4,000 characters');
    expect(printed).toContain("I don't know the command /dance");
    expect(printed).toContain('About how many hours did you sleep');
  });

  it('runs as `npm run console` reads it: bot lines only on stdout, exit 0 at the end of input', async () => {
    const p = consoleProcess({ ...childEnv('piper'), TIMING_SCALE: '0.01' });
    p.child.stdin.end('/breathe paced\n');
    expect(await p.exited).toBe(0);
    expect(p.out().match(/Round \d of 6/g)).toHaveLength(12);
    expect(p.out().trim().split('\n').at(-4)).toBe('How do you feel now?');
    expect(p.err()).toBe('');
  }, 60_000);

  it('continues an exercise after the process is killed mid-way, with no step lost or repeated', async () => {
    const first = consoleProcess(childEnv('casey'));
    first.child.stdin.write('/breathe box\n');
    await eventually(() => ((first.out().match(/Round \d of 4/g) ?? []).length >= 3 ? true : undefined), 30_000, 'three phases');
    first.child.kill('SIGKILL');
    await first.exited;
    const before = first.out().match(/Round \d of 4\n\n\S+ \S+/g) ?? [];

    // Started again with no input, it waits for the pending timed steps and plays them.
    const second = consoleProcess(childEnv('casey'));
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
    const after = second.out().match(/Round \d of 4\n\n\S+ \S+/g) ?? [];
    expect(after.length).toBeGreaterThan(0);
    expect([...before, ...after]).toHaveLength(16);
    expect(new Set([...before, ...after]).size).toBe(16);
    expect(second.out()).toContain('How do you feel now?');
  }, 60_000);
});

describe('terminal chat: crisis help', () => {
  /** Like chat(), with the test screen that rates UNSURE_EN unsure, and CRISIS_REGION as given. */
  const crisisChat = (user: string, lines: string[], region?: string): Promise<string> =>
    chat(user, lines, { drainTimeoutMs: 5_000, locale: 'en-US', screens: [unsureScreen], ...(region ? { region } : {}) });

  it('asks gently when unsure and, after "I\'m safe", keeps the note that was typed', async () => {
    const printed = await crisisChat('quinn', ['/checkin', 'I agree', '3', '1', '8', '2', '2', 'Reassurance', 'just note it', UNSURE_EN, "Yes, I'm safe"], 'GB');
    expect(printed).toContain('Are you safe right now?');
    expect(printed).toContain('please call 999');
    expect(printed).toContain("Let's carry on where we were.");
    expect(printed).toContain('Thank you for checking in.');
    const tether = await startTether(env.config, { sinks: [], log: pino({ level: 'silent' }) });
    try {
      const identity = await tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'terminal', externalId: 'quinn' } } });
      expect((await tether.store.checkInsOf(identity.personId)).map((r) => r.note)).toEqual([UNSURE_EN]);
    } finally {
      await tether.close();
    }
  });

  it('asks which country when none is known, remembers it, and a later /sos has the right number without asking', async () => {
    const first = await crisisChat('rowan', ['/checkin', 'I agree', 'i want to kill myself tonight', 'Mexico', 'Reach someone I trust', 'Not right now', 'Not now']);
    expect(first).toContain('Which country are you in?');
    expect(first).toContain('In Mexico, call 911 in an emergency.');
    expect(first).toContain('Línea de la Vida');
    expect(first).toContain("I've set your check-in aside; /checkin starts it again");
    const later = await crisisChat('rowan', ['/sos', 'Yes, right now']);
    expect(later).toContain('Please call 911 now.');
    expect(later).not.toContain('Which country are you in?');
    const tether = await startTether(env.config, { sinks: [], log: pino({ level: 'silent' }) });
    try {
      const identity = await tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'terminal', externalId: 'rowan' } } });
      const exported = await tether.store.exportPerson(identity.personId);
      expect(exported.person.crisisRegion).toBe('MX');
      await tether.store.forgetPerson(identity.personId);
      expect(await tether.db.person.count({ where: { id: identity.personId } })).toBe(0);
    } finally {
      await tether.close();
    }
  });

  it('answers in Spanish for a Spanish locale, and goes back to the check-in in Spanish', async () => {
    const printed = await chat('sol', ['/checkin', 'I agree', '3', 'ya no quiero vivir', 'Fue un malentendido'], { drainTimeoutMs: 5_000, locale: 'es-ES', region: 'ES' });
    expect(printed).toContain('Me alegra mucho que me lo hayas contado');
    expect(printed).toContain('024');
    expect(printed).toContain('perdona por interrumpir');
    expect(printed.split('How strong is any craving').length - 1).toBe(2);
  });

  it('reads a short reply in the light of the message before it, kept across events in the stored state', async () => {
    const alone = await chat('ines', ['/checkin', 'I agree', 'ya fue'], { drainTimeoutMs: 5_000, locale: 'es-ES', region: 'ES' });
    expect(alone).not.toContain('¿Estás a salvo ahora mismo?');
    const after = await chat('ines2', ['/checkin', 'I agree', 'no se para que sigo intentando', 'ya fue'], { drainTimeoutMs: 5_000, locale: 'es-ES', region: 'ES' });
    expect(after).toContain('¿Estás a salvo ahora mismo?');
    expect(after).toContain('112');
  });
});
