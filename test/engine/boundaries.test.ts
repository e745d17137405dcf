import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/', import.meta.url).pathname;

function importsOf(dir: string): Array<{ file: string; from: string }> {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const text = readFileSync(join(root, dir, f), 'utf8');
      return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ file: `${dir}/${f}`, from: m[1]! }));
    });
}

describe('architecture boundaries', () => {
  it('keeps the engine free of platforms, queues and the ORM: it imports only itself, zod and the pure domain modules', () => {
    const pure = /^\.\.\/(core|schedule|community|safety)\/[a-z-]+\.js$/;
    const outside = importsOf('engine').filter((i) => !i.from.startsWith('./') && i.from !== 'zod' && !pure.test(i.from));
    expect(outside).toEqual([]);
  });

  it('keeps the domain modules the engine reads (schedules, community settings, safety) pure: no packages but zod', () => {
    const outside = ['schedule', 'community', 'safety']
      .flatMap(importsOf)
      .filter((i) => !i.from.startsWith('./') && !i.from.startsWith('../') && i.from !== 'zod' && !i.from.startsWith('node:'));
    const reachesOut = ['schedule', 'community', 'safety'].flatMap(importsOf).filter((i) => /^\.\.\/(store|queue|db|runtime|adapters|delivery|generated)\//.test(i.from));
    expect(outside).toEqual([]);
    expect(reachesOut).toEqual([]);
  });

  it('keeps flows as data: they import only the engine\'s types, the schedule\'s vocabulary and the crisis texts and lines', () => {
    // The crisis texts (one module per language) and the checked crisis lines are pure data too (see the test above).
    const data = ['../schedule/zones.js', '../safety/crisis-text/index.js', '../safety/resources.js'];
    const outside = importsOf('flows').filter((i) => !i.from.startsWith('./') && !i.from.startsWith('../engine/') && !data.includes(i.from));
    expect(outside).toEqual([]);
  });

  it('keeps platform packages inside their adapters', () => {
    const leaks = ['engine', 'flows', 'runtime', 'store', 'queue', 'db', 'config']
      .flatMap(importsOf)
      .filter((i) => /^(grammy|discord\.js|@grammyjs\/|@discordjs\/)/.test(i.from));
    expect(leaks).toEqual([]);
  });
});
