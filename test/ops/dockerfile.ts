/**
 * Just enough of the Dockerfile grammar to check the file without a Docker engine: comments, line continuations,
 * instructions with their arguments, and stages (each FROM opens one).
 */

export interface Instruction {
  /** Upper case: FROM, RUN, COPY, ... */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  readonly args: string;
  /** 1-based line of the keyword, for messages. */
  readonly line: number;
}

export interface Stage {
  readonly index: number;
  /** The `AS name`, when given. */
  readonly name: string | undefined;
  readonly base: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM. */
  readonly globals: readonly Instruction[];
  readonly stages: readonly Stage[];
}

export function parseInstructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const out: Instruction[] = [];
  let pending: { start: number; parts: string[] } | undefined;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    // Docker drops comment and empty lines, also in the middle of a continued instruction.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = /\\\s*$/.test(raw);
    const part = continues ? raw.replace(/\\\s*$/, '') : raw;
    if (pending) pending.parts.push(part.trim());
    else pending = { start: i + 1, parts: [part.trim()] };
    if (continues) return;
    out.push(toInstruction(pending.parts.join(' '), pending.start));
    pending = undefined;
  });
  if (pending) out.push(toInstruction(pending.parts.join(' '), pending.start));
  return out;
}

function toInstruction(joined: string, line: number): Instruction {
  const match = /^(\S+)\s*(.*)$/s.exec(joined.trim());
  if (!match) throw new Error(`Dockerfile line ${line}: cannot read "${joined}"`);
  return { keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line };
}

export function parseDockerfile(text: string): Dockerfile {
  const globals: Instruction[] = [];
  const stages: { index: number; name: string | undefined; base: string; instructions: Instruction[] }[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
      stages.push({
        index: stages.length,
        name: asAt >= 0 ? words[asAt + 1] : undefined,
        base: words[0] ?? '',
        instructions: [],
      });
      continue;
    }
    const current = stages.at(-1);
    if (current) current.instructions.push(instruction);
    else if (instruction.keyword === 'ARG') globals.push(instruction);
    else throw new Error(`Dockerfile line ${instruction.line}: ${instruction.keyword} before the first FROM`);
  }
  return { globals, stages };
}

/** The words of an instruction: its JSON (exec) form when it has one, else split on white space. */
export function argumentWords(args: string): string[] {
  if (args.startsWith('[')) {
    const parsed: unknown = JSON.parse(args);
    if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return parsed;
    throw new Error(`not a JSON array of strings: ${args}`);
  }
  return args.split(/\s+/).filter(Boolean);
}

/** ENV `KEY=value KEY2="a b"` (and the old `ENV KEY value`) as pairs. */
export function envPairs(args: string): Array<[string, string]> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const [key, ...rest] = args.split(/\s+/);
    return [[key ?? '', rest.join(' ')]];
  }
  const pairs: Array<[string, string]> = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of args.matchAll(pattern)) pairs.push([m[1]!, m[2]!.replace(/^(["'])(.*)\1$/s, '$2')]);
  return pairs;
}

/** The sources of a COPY or ADD (not the destination, not the flags). */
export function copySources(args: string): { from: string | undefined; sources: string[] } {
  const words = argumentWords(args);
  const flags = words.filter((w) => w.startsWith('--'));
  const rest = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: rest.slice(0, -1) };
}
