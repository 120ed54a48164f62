import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const MAIN = path.join(__dirname, 'main.js');
const clearing = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });

describe('clearing help, on commander', () => {
  it('given `clearing help`, then every command is listed with its options and it exits 0', () => {
    const help = clearing('help');
    assert.equal(help.status, 0, help.stderr);
    assert.doesNotMatch(help.stdout + help.stderr, /unknown command/);
    for (const line of [
      /infra up\|down\|status \[--json\]/,
      /db migrate\|revert\|status\|wait \[--schema NAME\]/,
      /topics create\|list .*create or list the system topics/,
      /demo \[--accounts N\] \[--minutes M\] \[--json\]/,
      /start .*start infra and the five services with no scenario/,
      /price .*--type call\|put/,
      /verify \[--json\]/,
      /replay \[--schema-prefix P\]/,
      /accounts open\|suspend\|close <account> .*--reason/,
      /deposit <account> <amount> \[--asset USDC\]/,
    ])
      assert.match(help.stdout, line);
  });

  it('given `clearing accounts help open` or `--help`, then its options are shown', () => {
    for (const help of [clearing('accounts', 'help', 'open'), clearing('accounts', 'open', '--help')]) {
      assert.equal(help.status, 0, help.stderr);
      for (const option of ['--parent', '--isolated', '--command-id', '--principal', '--key-id', '--wait'])
        assert.ok(help.stdout.includes(option), `${option} in:\n${help.stdout}`);
    }
  });

  it('given a command on the old CliCommand interface, then --help and help <name> print its usage', () => {
    for (const run of [clearing('db', '--help'), clearing('help', 'db')]) {
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^usage: clearing db migrate\|revert\|status/);
    }
  });

  it('given an unknown command or a missing argument, then it exits 2 with the reason', () => {
    const unknown = clearing('bogus');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'bogus'/);
    const missing = clearing('accounts', 'suspend', 'acct-1');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--reason/);
  });
});
