#!/usr/bin/env node
// `npm test`: runs the compiled specs with Node's own test runner (its summary is what CI reads).
// Tiers by suffix: *.spec.js (pure), *.int-spec.js (real Kafka + Postgres), *.e2e-spec.js (whole services).
// Integration tiers need the infrastructure, so this starts it first (idempotent when already up).
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const TIERS = { unit: /\.spec\.js$/, int: /\.int-spec\.js$/, e2e: /\.e2e-spec\.js$/ };

function findSpecs(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findSpecs(full, out);
    else if (/\.(spec|int-spec|e2e-spec)\.js$/.test(entry.name)) out.push(full);
  }
  return out;
}

function tierOf(file) {
  return Object.keys(TIERS).find(
    (tier) => TIERS[tier].test(file) && !(tier === 'unit' && /-spec\.js$/.test(file)),
  );
}

const tierArg = process.argv.indexOf('--tier');
const wanted = tierArg > 0 ? process.argv[tierArg + 1].split(',') : Object.keys(TIERS);
const files = ['apps', 'libs', 'migrations']
  .flatMap((top) => findSpecs(path.join(root, 'dist', top)))
  .filter((file) => wanted.includes(tierOf(file)))
  .sort();

if (files.length === 0) {
  console.error('no compiled specs found: run `npm run build` first');
  process.exit(1);
}
async function main() {
  const env = { ...process.env };
  if (files.some((f) => tierOf(f) !== 'unit')) {
    // The addresses infra actually uses (a private Postgres may be on another port) go to every test.
    const { ensureInfra } = require(path.join(root, 'dist/apps/cli/src/infra'));
    const endpoints = await ensureInfra({ log: (line) => console.log(`infra: ${line}`) });
    env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
    env.DATABASE_URL = endpoints.databaseUrl;
  }
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=2', '--test-timeout=600000', ...files],
    {
      stdio: 'inherit',
      cwd: root,
      env,
    },
  );
  process.exit(run.status ?? 1);
}

main().catch((error) => {
  console.error(`test setup failed: ${error.stack || error}`);
  process.exit(1);
});
