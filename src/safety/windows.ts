/**
 * A message cut into windows the detector reads one at a time: whole sentences, grouped up to WINDOW_CHARS, and
 * a sentence longer than that in overlapping pieces cut at spaces. Two things follow. A crisis sentence in the
 * middle of a long, ordinary message is read next to its neighbours only, not diluted by the whole message. And
 * the work per window is bounded by its length, so the whole screen grows linearly with the message, whatever a
 * pattern's worst case within one window.
 */
export const WINDOW_CHARS = 320;
/** How much of a long sentence's previous piece is read again with the next, so no phrase is cut in two unseen. */
const OVERLAP_CHARS = 80;

/** Sentence ends as people type them: . ! ? … and line breaks, with whatever closes the sentence after them. */
const sentenceEnd = /[.!?…\n]+["')\]]*\s*/g;

export function windowsOf(text: string): string[] {
  if (text.length <= WINDOW_CHARS) return [text];
  const windows: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim()) windows.push(current);
    current = '';
  };
  for (const sentence of sentencesOf(text)) {
    if (sentence.length > WINDOW_CHARS) {
      flush();
      windows.push(...piecesOf(sentence));
    } else if (current.length + sentence.length > WINDOW_CHARS) {
      flush();
      current = sentence;
    } else current += sentence;
  }
  flush();
  return windows;
}

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  sentenceEnd.lastIndex = 0;
  for (let m = sentenceEnd.exec(text); m; m = sentenceEnd.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) out.push(text.slice(start, end));
    start = end;
    if (m[0].length === 0) sentenceEnd.lastIndex++;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** A long sentence in pieces of at most WINDOW_CHARS, cut at a space where there is one, each overlapping the last. */
function piecesOf(sentence: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < sentence.length) {
    let end = Math.min(start + WINDOW_CHARS, sentence.length);
    if (end < sentence.length) {
      const space = sentence.lastIndexOf(' ', end);
      if (space > start + OVERLAP_CHARS) end = space;
    }
    out.push(sentence.slice(start, end));
    if (end >= sentence.length) break;
    let next = end - OVERLAP_CHARS;
    const space = sentence.indexOf(' ', next);
    if (space !== -1 && space < end) next = space + 1;
    start = Math.max(next, start + 1);
  }
  return out;
}
