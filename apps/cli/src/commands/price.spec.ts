import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createPriceCommand } from './price';

const HAUG_FUTURES_PUT = [
  '--type',
  'put',
  '--forward',
  '19',
  '--strike',
  '19',
  '--years',
  '0.75',
  '--rate',
  '0.1',
  '--vol',
  '0.28',
];
const HULL_STOCK_CALL = [
  '--model',
  'bsm',
  '--type',
  'call',
  '--spot',
  '49',
  '--strike',
  '50',
  '--years',
  String(20 / 52),
];

async function runPrice(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const command = createPriceCommand({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  const code = await command.run(args);
  return { code, stdout, stderr };
}

describe('clearing price', () => {
  it('given a Black-76 put and --json, then it prints exactly one JSON object with the six figures', async () => {
    const { code, stdout, stderr } = await runPrice([...HAUG_FUTURES_PUT, '--json']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(stdout.trim().split('\n').length, 1);
    const result = JSON.parse(stdout);
    assert.deepEqual(Object.keys(result), ['price', 'delta', 'gamma', 'vega', 'theta', 'rho']);
    assert.equal(result.price.toFixed(4), '1.7011');
  });

  it('given the Hull stock call in bsm, then the table shows price 2.40, delta 0.522 and the carry rho', async () => {
    const { code, stdout } = await runPrice([
      ...HULL_STOCK_CALL,
      '--rate',
      '0.05',
      '--carry',
      '0.05',
      '--vol',
      '0.2',
    ]);
    assert.equal(code, 0);
    const rows = new Map(
      stdout
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, 10).trim(), line.slice(10).trim()]),
    );
    assert.deepEqual([...rows.keys()], ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'carry rho']);
    assert.equal(Number(rows.get('price')!.split(' ')[0]).toFixed(2), '2.40');
    assert.equal(Number(rows.get('delta')!.split(' ')[0]).toFixed(3), '0.522');
    assert.match(rows.get('theta')!, /per year/);
  });

  it('given missing, malformed, unknown or out-of-domain flags, then it exits 2 naming the flag', async () => {
    const cases: Array<[string[], RegExp]> = [
      [HAUG_FUTURES_PUT.filter((_, i) => i !== 6 && i !== 7), /missing --years/],
      [[...HAUG_FUTURES_PUT.slice(2), '--type', 'straddle'], /--type must be call or put/],
      [HAUG_FUTURES_PUT.map((arg) => (arg === '0.28' ? 'high' : arg)), /--vol must be a decimal number/],
      [HAUG_FUTURES_PUT.map((arg) => (arg === '0.28' ? '0' : arg)), /--vol: vol must be a finite number > 0/],
      [[...HAUG_FUTURES_PUT, '--spot', '20'], /unknown flag --spot/],
      [[...HAUG_FUTURES_PUT, '--model', 'heston'], /--model must be one of black76, bsm/],
      [[...HULL_STOCK_CALL, '--rate', '0.05', '--vol', '0.2'], /missing --carry/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runPrice(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });

  it('given the compiled CLI, then `clearing price --json` exits 0 with JSON and a bad flag exits 2', () => {
    const main = path.join(__dirname, '..', 'main.js');
    const ok = spawnSync(process.execPath, [main, 'price', ...HAUG_FUTURES_PUT, '--json'], {
      encoding: 'utf8',
    });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).price.toFixed(4), '1.7011');
    const bad = spawnSync(process.execPath, [main, 'price', '--type', 'put'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /missing --forward/);
  });
});
