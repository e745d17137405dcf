/**
 * `npm run --silent safety:classify`: reads JSON lines `{"text": "..."}` on standard input and writes one JSON line per
 * input, `{"crisis": true|false, "level": "crisis"|"unsure"|"none", "category": "...", "score": n, "matched": [...]}`, so any
 * labelled set can be scored (`level` unsure is the gentle "are you safe?" check).
 * Runs locally; no text leaves the machine. A line that is not valid JSON gets `{"error": "..."}` and the rest go on.
 *
 * `npm run --silent safety:classify -- --sets` instead scores the labelled sets under test/fixtures (development,
 * development2, development3, the training sets and the held-out sets), one JSON line per set with recall, false
 * alarms per level, language and kind.
 */
import { createInterface } from 'node:readline';
import { measureCrisisDetection } from '../bench/crisis.js';
import { detectCrisis } from '../src/safety/detector.js';

if (process.argv.includes('--sets')) {
  for (const score of measureCrisisDetection()) process.stdout.write(`${JSON.stringify(score)}\n`);
  process.exit(0);
}

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
  const { crisis, level, category, score, matched } = detectCrisis(text);
  process.stdout.write(`${JSON.stringify({ crisis, level, category, score, matched })}\n`);
}
