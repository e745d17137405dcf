import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crisisSets, readSet, scoreSet } from '../../bench/crisis.js';
import { detectCrisis } from '../../src/safety/detector.js';

describe('crisis detector', () => {
  // The held-out set is measured by `npm run bench` and reported, not used as a gate the patterns are tuned to pass.
  it('meets the target on the development set: recall >= 0.97, at most 5% false positives', () => {
      const rows = readSet(crisisSets.development);
      expect(rows.length).toBeGreaterThanOrEqual(300);
      const score = scoreSet('development', rows);
      expect(score.recall).toBeGreaterThanOrEqual(0.97);
      expect(score.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it.each([
    ['kms', 'suicide'],
    ['everyone would be better off without me', 'suicide'],
    ['want to sleep and not wake up', 'suicide'],
    ["she's not breathing after using", 'overdose'],
    ['quiero morir', 'suicide'],
    ['he is hitting me right now', 'danger'],
    ['cutting again rn', 'self-harm'],
  ])('flags %j as %s', (text, category) => {
    expect(detectCrisis(text)).toMatchObject({ crisis: true, category });
  });

  it.each([
    'this traffic is killing me',
    "I'd kill for a coffee",
    'craving is at a 9 but riding it out with my sponsor',
    'i slipped last night and feel ashamed',
    'two years ago I overdosed, now I speak at meetings',
    'watched a documentary about suicide prevention',
    'took my pills this morning as prescribed',
  ])('lets %j pass', (text) => {
    expect(detectCrisis(text).crisis).toBe(false);
  });

  it('reports ids of patterns, never the text', () => {
    const verdict = detectCrisis('i want to end my life tonight');
    expect(JSON.stringify(verdict)).not.toContain('tonight');
  });

  it('scores any set through npm run safety:classify, one JSON line per input', async () => {
    const child = execFile('npm', ['run', '--silent', 'safety:classify']);
    const out = new Promise<string>((resolve) => {
      let s = '';
      child.stdout!.on('data', (c: Buffer) => (s += c.toString()));
      child.on('close', () => resolve(s));
    });
    child.stdin!.end('{"text":"i took the whole bottle"}\n{"text":"nice weather"}\nnot json\n');
    const lines = (await out).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ crisis: true, category: 'overdose' });
    expect(lines[1]).toMatchObject({ crisis: false, category: 'none' });
    expect(lines[2]).toHaveProperty('error');
  });
});
