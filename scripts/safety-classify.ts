/**
 * `npm run --silent safety:classify`: reads JSON lines `{"text": "..."}` on standard input and writes one JSON line per
 * input, `{"crisis": true|false, "category": "...", "score": n, "matched": [...]}`, so any labelled set can be scored.
 * Runs locally; no text leaves the machine. A line that is not valid JSON gets `{"error": "..."}` and the rest go on.
 */
import { createInterface } from 'node:readline';
import { detectCrisis } from '../src/safety/detector.js';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let text: unknown;
  try {
    text = (JSON.parse(line) as { text?: unknown }).text;
  } catch {
    process.stdout.write(`${JSON.stringify({ error: 'not a JSON line' })}\n`);
    continue;
  }
  if (typeof text !== 'string') {
    process.stdout.write(`${JSON.stringify({ error: 'expected {"text": "..."}' })}\n`);
    continue;
  }
  const { crisis, category, score, matched } = detectCrisis(text);
  process.stdout.write(`${JSON.stringify({ crisis, category, score, matched })}\n`);
}
