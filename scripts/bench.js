#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs a compiled benchmark from bench/ (build first: `npm run build`).
// Without a name, lists them. Results and the exact commands are recorded in docs/PERFORMANCE.md.
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'dist', 'bench');
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.js'))
  .map((file) => file.replace(/\.bench\.js$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  console.log(`usage: npm run bench -- <name> [args]\nbenchmarks: ${benches.join(', ')}`);
  process.exit(name ? 2 : 0);
}
// The margin tick bench reports peak memory, which needs explicit GC between runs.
const run = spawnSync(process.execPath, ['--expose-gc', path.join(dir, `${name}.bench.js`), ...args], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
