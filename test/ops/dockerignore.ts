/**
 * Which paths a .dockerignore keeps out of the build context, by Docker's rules: one pattern a line, `#` comments,
 * leading and trailing slashes ignored, `*` and `?` within one path segment, `**` across any number of them, `!`
 * takes a path back in, the last matching line wins, and a pattern that matches a directory covers what is inside.
 */
export interface IgnoreRule {
  readonly negated: boolean;
  readonly pattern: string;
  readonly regex: RegExp;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
      return { negated, pattern, regex: toRegex(pattern) };
    });
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more directories; a trailing `**` anything below.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether `path` (relative to the context, with forward slashes) stays out of the build context. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  const segments = path.replace(/^\.\//, '').split('/');
  // The path itself and every directory above it: ignoring a directory ignores its contents.
  const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.negated;
  }
  return ignored;
}
