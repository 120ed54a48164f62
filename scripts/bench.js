#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs a compiled benchmark from bench/ (build first: `npm run build`).
// Without a name, lists them. Results and the exact commands are recorded in docs/PERFORMANCE.md.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

// bench/ holds the benchmarks that drive services from outside; a benchmark of one service's own classes
// lives in that app's src/bench/ (apps import only libs, so bench/ cannot reach into an app).
const dist = path.resolve(__dirname, '..', 'dist');
const appBenchDirs = readdirSync(path.join(dist, 'apps'))
  .map((app) => path.join(dist, 'apps', app, 'src', 'bench'))
  .filter((dir) => existsSync(dir));
const benchFiles = new Map(
  [path.join(dist, 'bench'), ...appBenchDirs].flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.bench.js'))
      .map((file) => [file.replace(/\.bench\.js$/, ''), path.join(dir, file)]),
  ),
);
const benches = [...benchFiles.keys()];
const [name, ...args] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  console.log(`usage: npm run bench -- <name> [args]\nbenchmarks: ${benches.join(', ')}`);
  process.exit(name ? 2 : 0);
}
// The margin tick bench reports peak memory, which needs explicit GC between runs.
const run = spawnSync(process.execPath, ['--expose-gc', benchFiles.get(name), ...args], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
