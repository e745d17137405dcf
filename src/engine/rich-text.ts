import type { RichText, Span } from './types.js';

/**
 * A template as written in a flow: `*bold*`, `_italic_` and `{answer}` placeholders.
 * Compiled once when flows load; placeholders are filled with plain spans, so nothing a person typed is
 * ever read as markup.
 */
export type TemplatePart = { readonly span: Span } | { readonly ref: string };
export type Template = readonly TemplatePart[];

const token = /\*([^*\n]+)\*|_([^_\n]+)_|\{([a-zA-Z][\w-]*)\}/g;

export function compileTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of source.matchAll(token)) {
    if (m.index > last) parts.push({ span: { text: source.slice(last, m.index) } });
    if (m[1] !== undefined) parts.push({ span: { text: m[1], bold: true } });
    else if (m[2] !== undefined) parts.push({ span: { text: m[2], italic: true } });
    else if (m[3] !== undefined) parts.push({ ref: m[3] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ span: { text: source.slice(last) } });
  return parts;
}

export function templateRefs(template: Template): string[] {
  return template.flatMap((p) => ('ref' in p ? [p.ref] : []));
}

export function renderTemplate(template: Template, lookup: (ref: string) => string): Span[] {
  return template.map((p) => ('span' in p ? p.span : { text: lookup(p.ref) }));
}

export function plain(text: string): RichText {
  return [{ text }];
}

/** Joins pieces of rich text, separating them with blank lines. */
export function paragraphs(...pieces: RichText[]): RichText {
  const out: Span[] = [];
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (out.length > 0) out.push({ text: '\n\n' });
    out.push(...piece);
  }
  return out;
}

export function toPlainText(text: RichText): string {
  return text.map((s) => s.text).join('');
}
