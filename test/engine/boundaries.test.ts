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
  it('keeps the engine free of platforms, queues and the ORM: it imports only itself and zod', () => {
    const outside = importsOf('engine').filter((i) => !i.from.startsWith('./') && i.from !== 'zod');
    expect(outside).toEqual([]);
  });

  it('keeps flows as data: they import only the engine\'s types', () => {
    const outside = importsOf('flows').filter((i) => !i.from.startsWith('./') && !i.from.startsWith('../engine/'));
    expect(outside).toEqual([]);
  });

  it('keeps platform packages inside their adapters', () => {
    const leaks = ['engine', 'flows', 'runtime', 'store', 'queue', 'db', 'config']
      .flatMap(importsOf)
      .filter((i) => /^(grammy|discord\.js|@grammyjs\/|@discordjs\/)/.test(i.from));
    expect(leaks).toEqual([]);
  });
});
