import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeMessage } from './decode';
import { SCHEMA_TOPICS } from './schemas';

// Read the golden files from the source tree (not a possibly stale copy in dist): walk up to the repo root.
function fixturesRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    assert.notEqual(parent, dir, 'repository root (nest-cli.json) not found');
    dir = parent;
  }
  return join(dir, 'libs', 'contracts', 'fixtures');
}

function fixtureFiles(verdict: 'ok' | 'not-ok', topic: string): string[] {
  const dir = join(fixturesRoot(), verdict, topic);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
}

for (const topic of SCHEMA_TOPICS) {
  describe(`golden fixtures of ${topic}`, () => {
    it('given every ok fixture, when decoded, then it is accepted', () => {
      const files = fixtureFiles('ok', topic);
      assert.ok(files.length >= 2, 'at least two ok examples per topic');
      for (const file of files) {
        const result = decodeMessage(topic, readFileSync(file));
        assert.ok(result.ok, `${file}: ${result.ok ? '' : result.reason}`);
      }
    });

    it('given every not-ok fixture, when decoded, then it is rejected with a schema reason', () => {
      const files = fixtureFiles('not-ok', topic);
      assert.ok(files.length >= 5, 'at least five rejection examples per topic');
      for (const file of files) {
        const result = decodeMessage(topic, readFileSync(file));
        assert.equal(result.ok, false, `${file} was accepted`);
        assert.equal(!result.ok && result.code, 'schema', file);
        assert.match(!result.ok ? result.reason : '', /^\/\S* /, `${file}: reason names the offending path`);
      }
    });
  });
}
