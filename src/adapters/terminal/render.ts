import type { OutboundMessage, PromptInput, RichText } from '../../core/messages.js';

/** Renders neutral messages for a terminal: ANSI emphasis when it is a TTY, plain lines otherwise. */
export function renderForTerminal(message: OutboundMessage, color: boolean): string {
  const lines = [styled(message.text, color)];
  if (message.input) lines.push(...inputLines(message.input));
  return lines.join('\n');
}

function styled(text: RichText, color: boolean): string {
  return text
    .map((span) => {
      if (!color) return span.text;
      if (span.bold) return `\x1b[1m${span.text}\x1b[22m`;
      if (span.italic) return `\x1b[3m${span.text}\x1b[23m`;
      return span.text;
    })
    .join('');
}

function inputLines(input: PromptInput): string[] {
  switch (input.kind) {
    case 'choice':
      return input.options.map((o, i) => `  ${i + 1}. ${o.label}`);
    case 'scale':
      return [`  (${input.min} = ${input.minLabel} … ${input.max} = ${input.maxLabel})`];
    case 'number':
      return [`  (a number from ${input.min} to ${input.max} ${input.unit}${input.skip ? `, or "skip": ${input.skip}` : ''})`];
    case 'text':
      return input.skip ? [`  (type your answer, or "skip": ${input.skip})`] : [];
  }
}
