import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the local infrastructure keeps its jars (.cache, re-fetchable) and its state (.infra, resettable). */
export interface InfraPaths {
  readonly repoRoot: string;
  readonly kafkaPom: string;
  readonly kafkaLog4jConfig: string;
  readonly kafkaCache: string;
  readonly kafkaState: string;
  readonly postgresState: string;
}

const POM_RELATIVE = join('infra', 'kafka', 'pom.xml');

/**
 * Walks up from the compiled file to the repository (the folder holding infra/kafka/pom.xml), so the CLI
 * works from any working directory and from both the source and the dist tree.
 */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, POM_RELATIVE))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find ${POM_RELATIVE} above ${start}`);
  }
}

export function infraPaths(repoRoot: string = findRepoRoot()): InfraPaths {
  return {
    repoRoot,
    kafkaPom: join(repoRoot, POM_RELATIVE),
    kafkaLog4jConfig: join(repoRoot, 'infra', 'kafka', 'log4j2.properties'),
    kafkaCache: join(repoRoot, '.cache', 'kafka'),
    kafkaState: join(repoRoot, '.infra', 'kafka'),
    postgresState: join(repoRoot, '.infra', 'postgres'),
  };
}
