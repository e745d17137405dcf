import { describe, expect, it } from 'vitest';
import { copy, helpText } from '../../src/engine/copy.js';
import type { FlowDefinition } from '../../src/engine/flow.js';
import type { RichText } from '../../src/core/messages.js';
import { builtInFlows } from '../../src/flows/index.js';
import { builtInRegistry } from '../../src/features/registry.js';

/** Words that label people by their use, or shame a return to use. Person-first language only. */
const stigmatising = [
  /\baddicts?\b/i,
  /\bjunkies?\b/i,
  /\bclean\b/i,
  /\bdirty\b/i,
  /\babusers?\b/i,
  /\bsubstance abuse\b/i,
  /\balcoholics?\b/i,
  /\bdruggies?\b/i,
  /\bcrackheads?\b/i,
  /\bfell off the wagon\b/i,
  /\bfailure\b/i,
  /\bweak\b/i,
];

function everyProductText(): string[] {
  const texts: string[] = [];
  const flows: readonly FlowDefinition[] = builtInFlows;
  for (const flow of flows) {
    texts.push(flow.title, flow.summary);
    for (const step of flow.steps) {
      texts.push(...(typeof step.say === 'string' ? [step.say] : step.say.map((p) => p.text)));
      if (step.kind === 'choice') texts.push(...step.options.map((o) => o.label));
      if (step.kind === 'scale') texts.push(step.minLabel, step.maxLabel);
      if ((step.kind === 'text' || step.kind === 'number') && step.skipLabel) texts.push(step.skipLabel);
    }
  }
  const plain = (t: RichText) => t.map((s) => s.text).join('');
  for (const value of Object.values(copy)) {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) texts.push(plain(value as RichText));
    else if (typeof value === 'function') texts.push(plain((value as (...a: unknown[]) => RichText)('Title', 'Place', true)));
    else
      texts.push(
        ...Object.values(value as Record<string, unknown>).map((v) =>
          typeof v === 'string' ? v : typeof v === 'function' ? plain((v as (a: number, b: number) => RichText)(1, 5)) : plain(v as RichText),
        ),
      );
  }
  texts.push(plain(helpText(builtInRegistry())));
  return texts;
}

describe('wording', () => {
  it('reads every prompt the product can send, and finds no stigmatising word', () => {
    const texts = everyProductText();
    expect(texts.length).toBeGreaterThan(100);
    const hits = texts.flatMap((t) => stigmatising.filter((re) => re.test(t)).map((re) => `${re} in: ${t}`));
    expect(hits).toEqual([]);
  });

  it('never corrects how people describe themselves: their words come back as they wrote them', async () => {
    const { EngineDriver, allText } = await import('../helpers/engine-driver.js');
    const d = new EngineDriver();
    for (const line of ['/checkin', '3', '2', '7', '3', 'other']) d.type(line);
    d.type('like an addict again');
    for (const line of ['rest', 'note']) d.type(line);
    expect(allText(d.type('skip'))).toContain("You're feeling like an addict again, and what you need most is rest.");
  });
});
