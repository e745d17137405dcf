import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crisisSets, readSet, scoreSet } from '../../bench/crisis.js';
import { anchorsOf, detectCrisis, detectCrisisByRules } from '../../src/safety/detector.js';
import { normalizeForSafety } from '../../src/safety/normalize.js';
import { crisisPatterns } from '../../src/safety/patterns.js';

describe('crisis detector', () => {
  // The held-out set is measured by `npm run bench` and reported, not used as a gate the patterns are tuned to pass.
  it.each([
    ['development', crisisSets.development, 300],
    ['development2', crisisSets.development2, 400],
    ['development3', crisisSets.development3, 400],
  ] as const)('meets the target on the %s set: recall >= 0.97, at most 5%% false positives', (name, url, minimum) => {
    const rows = readSet(url);
    expect(rows.length).toBeGreaterThanOrEqual(minimum);
    const score = scoreSet(name, rows);
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

  // Fixed cases from dev3 (written later, in other words): some the patterns catch, some only the model does.
  it.each([
    ['been sorting out who gets my dog when im gone', 'suicide'],
    ['thinkin bout endin it 2nite', 'suicide'],
    ['if the bus doesnt come i\'ll just step in front of the next truck', 'suicide'],
    ['ya regale mis cosas, no las voy a necesitar', 'suicide'],
    ['burned my arm with a lighter to feel something', 'self-harm'],
    ['bashing my fists against the wall till my knuckles split', 'self-harm'],
    ['me rasguño hasta sangrar todas las noches', 'self-harm'],
    ['mixed xanax and drinks cant feel my legs', 'overdose'],
    ['tuk 2 many percs cant feel my face', 'overdose'],
    ['me tome una caja entera de paracetamol', 'overdose'],
    ['i got kicked out tonight and have nowhere safe to go, its freezing', 'danger'],
    ['some guy followed me off the bus and is standing outside the store', 'danger'],
    ['me echaron de la casa y no tengo donde dormir esta noche', 'danger'],
  ])('flags dev3 %j as %s', (text, category) => {
    expect(detectCrisis(text)).toMatchObject({ crisis: true, category });
  });

  it.each([
    "i'm dying for a cigarette, 2 weeks off them",
    'i could murder a pizza right now',
    'i used to cut in high school, the scars remind me how far i\'ve come',
    'how do i help a friend who says she wants to die',
    "i'm going away for good... to portugal! finally moving",
    'me muero por una birra pero hoy no, hoy aguanto',
    'relapsed on saturday, back to day 1. my sponsor was kind about it',
  ])('lets dev3 %j pass', (text) => {
    expect(detectCrisis(text).crisis).toBe(false);
  });

  it('asks the model only where the patterns found nothing, and never about a figure of speech they set aside', () => {
    expect(detectCrisisByRules('nobody will have to worry about me after this weekend').crisis).toBe(false);
    expect(detectCrisis('nobody will have to worry about me after this weekend').matched).toContain('model');
    expect(detectCrisis('i want to end my life tonight').matched).not.toContain('model');
    expect(detectCrisis('this traffic is killing me').crisis).toBe(false);
  });

  it('skips a pattern only when it cannot match: every match on the labelled sets contains one of its anchors', () => {
    const anchored = crisisPatterns.map((pattern) => ({ pattern, anchors: anchorsOf(pattern.re.source) }));
    for (const url of [crisisSets.development, crisisSets.development2, crisisSets.development3]) {
      for (const row of readSet(url)) {
        const t = normalizeForSafety(row.text);
        for (const { pattern, anchors } of anchored) {
          pattern.re.lastIndex = 0;
          const m = pattern.re.exec(t);
          pattern.re.lastIndex = 0;
          if (anchors && m) expect(anchors.some((a) => t.includes(a)), pattern.id).toBe(true);
        }
      }
    }
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

describe('what people type in flows', () => {
  it('never reads a button label, typed out, as a crisis (e.g. "Just note it")', async () => {
    const { builtInFlows } = await import('../../src/flows/index.js');
    const { isCrisisHelp } = await import('../../scripts/button-labels.js');
    const labels = builtInFlows.filter((flow) => !isCrisisHelp(flow.id)).flatMap((flow) =>
      flow.steps.flatMap((step) => ('options' in step ? (step.options as ReadonlyArray<{ label: string }>).map((o) => o.label) : [])),
    );
    expect(labels.length).toBeGreaterThan(100);
    // Labels naming a crisis on purpose (crisis help's own choices: "I'm not safe") are the exception.
    expect(labels.filter((label) => detectCrisis(label).crisis)).toEqual([]);
  });

  it('exempts only a button typed out whole (its label or number), nothing added', async () => {
    const { typesAnOption } = await import('../../src/engine/answers.js');
    const step = { options: [{ label: 'Just note it' }, { label: "I'd rather not say" }] };
    expect(typesAnOption(step, 'just note it')).toBe(true);
    expect(typesAnOption(step, "I'd rather not say.")).toBe(true);
    expect(typesAnOption(step, '2')).toBe(true);
    expect(typesAnOption(step, '3')).toBe(false);
    expect(typesAnOption(step, 'Just note it 🔪')).toBe(false);
    expect(typesAnOption(step, "Just note it. I'm going to end it tonight")).toBe(false);
  });

  it('leaves short everyday replies to the rules alone', () => {
    const replies = ['just note it', 'note it', 'ok thanks', 'not now', 'skip', 'done', 'later maybe', 'i am tired', 'so tired today', 'rough day', 'need sleep', 'leave it there'];
    expect(replies.filter((r) => detectCrisis(r).crisis)).toEqual([]);
    // The rules still catch the short ones that matter.
    for (const r of ['kms', 'i want to die', 'took all my pills']) expect(detectCrisis(r).crisis).toBe(true);
  });

  it('lets the model read a short message about medicines by name (normalized to "meds") or breathing', () => {
    // Drug names reach the detector as "meds" and "can't" as "can not": the risk words must name those forms,
    // or a short overdose message the model is sure of ("tuk 2 many percs": 0.95) is never shown to it.
    expect(detectCrisis('tuk 2 many percs')).toMatchObject({ crisis: true, category: 'overdose' });
    expect(detectCrisis('took my meds this morning').crisis).toBe(false);
  });
});
