import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/**
 * Run as a child process: `node dev-only-packages.js <repoRoot> <module>...` loads the modules and prints,
 * one per line, every package they loaded that package-lock.json marks dev-only, i.e. what `npm ci
 * --omit=dev` leaves out of the runtime image. A child, so the spec's own dev dependencies do not count.
 */
export function devOnlyPackagesLoaded(repoRoot: string, modules: readonly string[]): string[] {
  // Loaded by path from the command line, so require() is the point here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const module of modules) require(resolve(module));
  const lock = JSON.parse(readFileSync(resolve(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const loaded = Object.keys(require.cache).flatMap((file) => {
    const match = /^(.*?\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
    return match ? [relative(repoRoot, match[1])] : [];
  });
  return [...new Set(loaded)].filter((path) => lock.packages[path]?.dev === true);
}

if (require.main === module) {
  const [repoRoot, ...modules] = process.argv.slice(2);
  process.stdout.write(devOnlyPackagesLoaded(repoRoot, modules).join('\n'));
}
