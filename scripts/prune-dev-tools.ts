/**
 * Used by the Dockerfile after `npm prune --omit=dev`. npm keeps any dev dependency that a runtime package names as an
 * optional peer: @prisma/client names `prisma` and `typescript`, which drag in about 250 MB (Prisma Studio, its dev
 * server, the native TypeScript compiler). The lock file flags exactly these as `devOptional`. Tether needs none of
 * them at run time (its migrations use only `pg`), so this removes them, then any optional package nothing kept still
 * names (their platform binaries). Run it last: a later `npm install` or `npm prune` would put them back.
 */
import { readFileSync, rmSync } from 'node:fs';

interface LockEntry {
  readonly devOptional?: boolean;
  readonly optional?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const packages = Object.entries(lock.packages);
const removed = new Set(packages.filter(([, entry]) => entry.devOptional).map(([path]) => path));

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
let changed = true;
while (changed) {
  changed = false;
  // Names that something still installed depends on (the root's devDependencies do not count).
  const wanted = new Set<string>();
  for (const [path, entry] of packages) {
    if (removed.has(path)) continue;
    for (const deps of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) {
      for (const name of Object.keys(deps ?? {})) wanted.add(name);
    }
  }
  for (const [path, entry] of packages) {
    if (path && entry.optional && !removed.has(path) && !wanted.has(nameOf(path))) {
      removed.add(path);
      changed = true;
    }
  }
}

for (const path of removed) rmSync(path, { recursive: true, force: true });
console.log(`removed ${removed.size} packages only development tools need`);
