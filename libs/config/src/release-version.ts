import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT_PACKAGE_NAME = 'clearing';

/**
 * The monorepo's release version (root package.json), found by walking up from this file so it works both
 * from the source tree and from dist/. All services ship from one tree, so they share one version.
 */
export function releaseVersion(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === ROOT_PACKAGE_NAME && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0-unknown';
  }
}
