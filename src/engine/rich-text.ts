import type { RichText, Span } from '../core/messages.js';

/**
 * A template as written in a flow: `*bold*`, `_italic_`, `{answer}` placeholders and `{@name}` for a value the
 * runtime supplies (see CONTEXT_VARS).
 * Compiled once when flows load; placeholders are filled with plain spans, so nothing a person typed is
 * ever read as markup.
 */
export type TemplatePart = { readonly span: Span } | { readonly ref: string; readonly bold?: true; readonly italic?: true };
export type Template = readonly TemplatePart[];

const token = /\*([^*\n]+)\*|_([^_\n]+)_|\{(@?[a-zA-Z][\w-]*)\}/g;

const refToken = /\{(@?[a-zA-Z][\w-]*)\}/g;

export function compileTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of source.matchAll(token)) {
    if (m.index > last) parts.push({ span: { text: source.slice(last, m.index) } });
    if (m[1] !== undefined) parts.push(...withRefs(m[1], { bold: true }));
    else if (m[2] !== undefined) parts.push(...withRefs(m[2], { italic: true }));
    else if (m[3] !== undefined) parts.push({ ref: m[3] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ span: { text: source.slice(last) } });
  return parts;
}

/** Emphasised text may hold placeholders too: `*call {@emergency} now*`. */
function withRefs(text: string, style: { bold?: true; italic?: true }): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(refToken)) {
    if (m.index > last) parts.push({ span: { text: text.slice(last, m.index), ...style } });
    parts.push({ ref: m[1]!, ...style });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ span: { text: text.slice(last), ...style } });
  return parts;
}

export function templateRefs(template: Template): string[] {
  return template.flatMap((p) => ('ref' in p ? [p.ref] : []));
}

export function renderTemplate(template: Template, lookup: (ref: string) => string): Span[] {
  return template.map((p) => ('span' in p ? p.span : { text: lookup(p.ref), ...(p.bold ? { bold: true as const } : {}), ...(p.italic ? { italic: true as const } : {}) }));
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
