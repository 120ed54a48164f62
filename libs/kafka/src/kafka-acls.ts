import {
  AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import { dlqTopicOf, TopicAccess, topicsFor } from '@clearing/contracts';
import { clusterScopedId } from './loops';

/**
 * The ACLs that give one principal exactly its row of TOPIC_ACCESS, for `admin.createAcls`. WRITE and
 * READ imply DESCRIBE, which metadata and offset lookups need. Groups and transactional ids are granted
 * by prefix: a transform loop commits its offsets inside its transaction, so it needs READ on its group
 * and WRITE on its transactional id. Names are namespaced as the services name them (topicsFor,
 * clusterScopedId).
 */
export function aclsFor(access: TopicAccess, namespace = process.env.CLEARING_TOPIC_NAMESPACE): AclEntry[] {
  const topics = topicsFor(namespace);
  const principal = `User:${access.principal}`;
  const allow = (
    resourceType: AclResourceTypes,
    resourceName: string,
    operation: AclOperationTypes,
    resourcePatternType = ResourcePatternTypes.LITERAL,
  ): AclEntry => ({
    resourceType,
    resourceName,
    resourcePatternType,
    principal,
    host: '*',
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  });
  const { TOPIC, GROUP, TRANSACTIONAL_ID } = AclResourceTypes;
  const { READ, WRITE } = AclOperationTypes;
  const ids = access.idPrefix === undefined ? [] : [clusterScopedId(access.idPrefix, namespace)];
  return [
    ...access.writes.map((role) => allow(TOPIC, topics[role], WRITE)),
    ...access.deadLetters.map((role) => allow(TOPIC, dlqTopicOf(topics[role]), WRITE)),
    ...access.reads.map((role) => allow(TOPIC, topics[role], READ)),
    ...(access.deadLetterReads ?? []).map((role) => allow(TOPIC, dlqTopicOf(topics[role]), READ)),
    ...ids.map((prefix) => allow(GROUP, prefix, READ, ResourcePatternTypes.PREFIXED)),
    ...ids.map((prefix) => allow(TRANSACTIONAL_ID, prefix, WRITE, ResourcePatternTypes.PREFIXED)),
  ];
}
