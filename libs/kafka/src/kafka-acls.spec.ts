import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { TOPIC_ACCESS } from '@clearing/contracts';
import { aclsFor } from './kafka-acls';

const accessOf = (principal: string) => TOPIC_ACCESS.find((a) => a.principal === principal)!;
/** kafkajs' enums are plain objects without TypeScript's reverse mapping. */
const nameOf = (values: object, value: number): string =>
  Object.entries(values).find(([, v]) => v === value)?.[0] ?? String(value);
const describeAcl = (acl: ReturnType<typeof aclsFor>[number]): string =>
  `${nameOf(AclOperationTypes, acl.operation)} ${nameOf(AclResourceTypes, acl.resourceType)} ` +
  `${nameOf(ResourcePatternTypes, acl.resourcePatternType)} ${acl.resourceName}`;

describe('ACLs from the topic access table', () => {
  it('given the margin calculator, when its ACLs are derived, then it gets exactly its row and its id prefix', () => {
    const acls = aclsFor(accessOf('margin-calculator'));
    assert.ok(acls.every((acl) => acl.principal === 'User:margin-calculator' && acl.host === '*'));
    assert.deepEqual(acls.map(describeAcl), [
      'WRITE TOPIC LITERAL margin.v1',
      'WRITE TOPIC LITERAL ledger.commands.v1',
      'READ TOPIC LITERAL ledger.journal.v1',
      'READ TOPIC LITERAL marks.v1',
      // Every calculator reads all of margin.v1: the withdrawal gate is system-wide (issue 16).
      'READ TOPIC LITERAL margin.v1',
      'READ GROUP PREFIXED margin-calculator.',
      'WRITE TRANSACTIONAL_ID PREFIXED margin-calculator.',
    ]);
  });

  it('given an upstream matching engine, when its ACLs are derived, then it may only write fills', () => {
    assert.deepEqual(aclsFor(accessOf('matching-engine')).map(describeAcl), ['WRITE TOPIC LITERAL fills.v1']);
  });

  it('given a topic namespace, when ACLs are derived, then topics, DLQ twins and id prefixes carry it', () => {
    const names = aclsFor(accessOf('valuation-oracle'), 'eu').map((acl) => acl.resourceName);
    for (const name of ['eu.marks.v1', 'eu.oracle.prices.v1.dlq', 'eu.valuation-oracle.'])
      assert.ok(names.includes(name), `${name} in ${names.join()}`);
  });
});
