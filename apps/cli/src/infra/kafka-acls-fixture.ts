import {
  Admin,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  ResourcePatternTypes,
} from 'kafkajs';
import { sleep } from './processes';

const ACL_WAIT_MS = 10_000;

/** One record with acks=all, as the services produce; the producer is closed either way. */
export async function produceOne(kafka: Kafka, topic: string): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'acct-1', value: '{}' }] });
  } finally {
    await producer.disconnect();
  }
}

/**
 * The controller commits ACLs before the broker's authorizer has applied them from the metadata log;
 * the broker answers DescribeAcls from that authorizer, so once it lists them all they are in force.
 */
export async function awaitAcls(admin: Admin, count: number): Promise<void> {
  const deadline = Date.now() + ACL_WAIT_MS;
  for (;;) {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    if (resources.reduce((sum, r) => sum + r.acls.length, 0) >= count) return;
    if (Date.now() > deadline)
      throw new Error(`the broker lists fewer than ${count} ACLs after ${ACL_WAIT_MS} ms`);
    await sleep(100);
  }
}
