import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  COMMAND_ISSUERS,
  CommandIssuer,
  ConfigValidationError,
  serviceCredentialFromEnv,
  signingKeysFromEnv,
  signingKeyVariable,
} from '@clearing/config';

/**
 * The environment variables a service reads, found in its code rather than listed by hand, so compose and
 * k8s are checked against what the services really read. A static scan of the service's sources, of the
 * other apps' files they import, and of libs/ (every service boots through libs/config and libs/kafka):
 * `env.NAME`, `env['NAME']`, an UPPER_SNAKE literal as a reader's first argument (`number('NAME', 1)`),
 * and the variables the libs/config secret readers compute from an issuer.
 */
export function variablesReadBy(repoRoot: string, service: string): Set<string> {
  const files = [
    ...sourceFiles(join(repoRoot, 'apps', service, 'src')),
    ...sourceFiles(join(repoRoot, 'libs')),
  ];
  const withImports = [...new Set([...files, ...files.flatMap(otherAppImports)])];
  return new Set(withImports.flatMap((file) => variablesIn(readFileSync(file, 'utf8'))));
}

/**
 * The variables that must be set when NODE_ENV=production (their development defaults are public):
 * asked of the libs/config readers themselves, which name every refused variable.
 */
export function productionSecrets(): Set<string> {
  const refused = (read: () => unknown): string[] => {
    try {
      read();
      return [];
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) throw error;
      return error.issues.map((issue) => issue.variable);
    }
  };
  const env = { NODE_ENV: 'production' };
  return new Set([
    ...refused(() => signingKeysFromEnv(env)),
    ...refused(() => serviceCredentialFromEnv(env)),
  ]);
}

const NAME = '[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*';
const PATTERNS = [
  new RegExp(`\\benv\\.(${NAME})\\b`, 'g'),
  new RegExp(`\\benv\\[\\s*'(${NAME})'\\s*\\]`, 'g'),
  // A reader's first argument, or its second after the env object: number('MARGIN_EWMA_LAMBDA', ...),
  // positiveInt(env, 'API_BODY_LIMIT_BYTES', ...). Defaults come later, so 'USDC' is never taken; an
  // UPPER_SNAKE name is required there ('BTC', 'SIGKILL' are arguments too), except for libs/config's
  // EnvReader, whose every first argument is a variable (read.string('HOSTNAME', ...)).
  new RegExp(`\\b[a-z]\\w*\\(\\s*(?:[a-z][\\w.]*,\\s*)?'(${NAME}_[A-Z0-9_]+)'`, 'g'),
  new RegExp(`\\bread\\.\\w+\\(\\s*'(${NAME})'`, 'g'),
  // The variables spelt as constants in libs/config (SASL_VARIABLES, SERVICE_CREDENTIAL_VARIABLE).
  /'((?:KAFKA_SASL|CLEARING)_[A-Z0-9_]+)'/g,
];

function variablesIn(source: string): string[] {
  const named = PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
  return [...named, ...signingKeysIn(source)];
}

/** A call (not the definition) of signingKeysFromEnv reads every issuer's key; signingKeyFromEnv one. */
function signingKeysIn(source: string): string[] {
  if (/(?<!function )\bsigningKeysFromEnv\(\s*\w/.test(source))
    return COMMAND_ISSUERS.map(signingKeyVariable);
  return [...source.matchAll(/\bsigningKeyFromEnv\([^,]+,\s*'([a-z-]+)'/g)].map((match) =>
    signingKeyVariable(match[1] as CommandIssuer),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    const production = entry.name.endsWith('.ts') && !/(spec|fixture)\.ts$/.test(entry.name);
    return production ? [path] : [];
  });
}

/** Another app's files this one imports by relative path (shared settings not yet in libs/). */
function otherAppImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/from '(\.\.\/[^']*\/apps?\/[^']+|\.\.\/\.\.\/[a-z-]+\/src\/[^']+)'/g)]
    .map((match) => `${resolve(dirname(file), match[1])}.ts`)
    .filter((path) => existsSync(path) && path.includes('/apps/'));
}
