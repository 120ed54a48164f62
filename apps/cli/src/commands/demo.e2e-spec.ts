import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../../../../../apps/cli/bin/clearing.js');

describe('npm run demo, the main job', () => {
  it('starts every service, clears deposits and fills, prints the book, and clearing verify is ok', () => {
    const run = spawnSync(process.execPath, [CLI, 'demo', '--once'], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(run.status, 0, `demo failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /position-aggregator +http:\/\/127\.0\.0\.1:3001/);
    assert.match(run.stdout, /alice-\S+ +BTC-PERP +qty +1 +entry 50000 +realized 1000/);
    assert.match(run.stdout, /alice-\S+ +100998\b/, 'deposit + realized P&L - two fees');
    assert.match(
      run.stdout,
      /alice-\S+ +NLV \d+(\.\d+)? +IM \d+(\.\d+)? +MM \d+(\.\d+)? +healthy/,
      'alice is margined',
    );
    assert.match(run.stdout, /verify: ok/);
  });
});
