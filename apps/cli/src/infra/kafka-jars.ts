import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InfraPaths } from './paths';
import { runCommand } from './processes';

/** The broker version is pinned once, in infra/kafka/pom.xml; everything else reads it from there. */
export function readKafkaVersion(pomFile: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(readFileSync(pomFile, 'utf8'));
  if (!match) throw new Error(`${pomFile} has no <kafka.version> property`);
  return match[1];
}

export function kafkaLibsDir(paths: InfraPaths, version: string): string {
  return join(paths.kafkaCache, version, 'libs');
}

/**
 * Fetches the broker's jars with Maven unless this exact pom already filled the cache. The marker holds the
 * pom's hash, so editing the logging dependencies re-fetches even when the Kafka version stays the same.
 */
export async function ensureKafkaJars(
  paths: InfraPaths,
  version: string,
  log: (line: string) => void,
): Promise<string> {
  const libs = kafkaLibsDir(paths, version);
  const marker = join(dirname(libs), 'fetched-with-pom.sha256');
  const pomHash = createHash('sha256').update(readFileSync(paths.kafkaPom)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === pomHash) return libs;

  log(`kafka: fetching Kafka ${version} jars from Maven Central into ${libs} (first run only)`);
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  const args = [
    '-q',
    '-B',
    '-f',
    paths.kafkaPom,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${libs}`,
  ];
  const result = await runCommand('mvn', args, paths.repoRoot);
  if (result.code !== 0) {
    throw new Error(
      `mvn could not fetch the Kafka jars (exit ${result.code}):\n${result.output.slice(-4000)}`,
    );
  }
  writeFileSync(marker, `${pomHash}\n`);
  return libs;
}
