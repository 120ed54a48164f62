import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dlqTopicOf, TOPIC_ACCESS, TOPICS } from '@clearing/contracts';
import { infraPaths } from './paths';

const infraDoc = readFileSync(join(infraPaths().repoRoot, 'docs', 'INFRA.md'), 'utf8');
/** The table's cells of one principal's row: writes, reads, id prefix. */
const rowOf = (principal: string): string[] | undefined =>
  infraDoc
    .split('\n')
    .find((line) => line.startsWith(`| \`${principal}\``))
    ?.split('|')
    .slice(2, 5);
const topicsIn = (cell: string): string[] => [...cell.matchAll(/`([^`*]+)`/g)].map((m) => m[1]).sort();

describe('docs/INFRA.md ACL table', () => {
  it('given TOPIC_ACCESS, when documented, then each principal has a row naming exactly its topics', () => {
    for (const access of TOPIC_ACCESS) {
      const row = rowOf(access.principal);
      assert.ok(row, `no row for ${access.principal}`);
      const writes = [
        ...access.writes.map((role) => TOPICS[role]),
        ...access.deadLetters.map((role) => dlqTopicOf(TOPICS[role])),
      ];
      assert.deepEqual(topicsIn(row[0]), writes.sort(), `${access.principal} writes`);
      const reads = [
        ...access.reads.map((role) => TOPICS[role]),
        ...(access.deadLetterReads ?? []).map((role) => dlqTopicOf(TOPICS[role])),
      ];
      assert.deepEqual(topicsIn(row[1]), reads.sort(), access.principal);
      assert.equal(
        row[2].includes(`\`${access.idPrefix}*\``),
        access.idPrefix !== undefined,
        access.principal,
      );
    }
  });
});
