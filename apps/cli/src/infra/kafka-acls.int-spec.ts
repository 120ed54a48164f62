import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, SASLOptions } from 'kafkajs';
import { SYSTEM_TOPICS, TOPIC_ACCESS, TOPICS } from '@clearing/contracts';
import { aclsFor, createKafka, ensureTopics } from '@clearing/kafka';
import { ScramUser } from './kafka-config';
import { scramLogin } from './kafka-probe';
import { PrivateBroker, startPrivateBroker, stopPrivateBroker } from './private-broker';
import { awaitAcls, produceOne } from './kafka-acls-fixture';

/**
 * Who may say what, enforced by the broker: a private Kafka (never the shared 9092) with SASL/SCRAM-SHA-512,
 * the StandardAuthorizer and the ACLs derived from TOPIC_ACCESS, the same table production uses.
 */
const user = (name: string): ScramUser => ({ name, password: randomBytes(12).toString('hex') });
const ADMIN = user('clearing-admin');
const USERS = new Map(TOPIC_ACCESS.map(({ principal }) => [principal, user(principal)]));
const mayWriteCommands = (principal: string): boolean =>
  TOPIC_ACCESS.some((a) => a.principal === principal && a.writes.includes('ledgerCommands'));
const PRINCIPALS = [...USERS.keys()];
/** kafkajs wraps the broker's error code (`type`) in a non-retriable error as its `cause`. */
type RefusedError = Error & { type?: string; cause?: { type?: string } };

describe('Kafka authentication and ACLs per service principal', { timeout: 120_000 }, () => {
  let broker: PrivateBroker;
  const kafkaAs = (login: ScramUser): Kafka =>
    createKafka({
      clientId: `acl-${login.name}`,
      brokers: broker.brokers,
      sasl: scramLogin(login),
      level: logLevel.NOTHING,
    });
  /** No retries: a refused login must surface at once, not after kafkajs' backoff. */
  const rawClient = (sasl?: SASLOptions): Kafka =>
    new Kafka({
      clientId: 'acl-intruder',
      brokers: broker.brokers,
      sasl,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });

  before(async () => {
    broker = await startPrivateBroker({ superUser: ADMIN, users: [...USERS.values()] });
    const admin = kafkaAs(ADMIN).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, SYSTEM_TOPICS);
      const acl = TOPIC_ACCESS.flatMap((access) => aclsFor(access));
      await admin.createAcls({ acl });
      await awaitAcls(admin, acl.length);
    } finally {
      await admin.disconnect();
    }
  });

  after(async () => {
    if (broker) await stopPrivateBroker(broker);
  });

  it('given principals without WRITE on ledger.commands.v1, when they produce to it, then the broker refuses each', async () => {
    const refused = PRINCIPALS.filter((p) => !mayWriteCommands(p));
    assert.ok(refused.includes('matching-engine') && refused.includes('valuation-oracle'));
    for (const principal of refused) {
      await assert.rejects(
        produceOne(kafkaAs(USERS.get(principal)!), TOPICS.ledgerCommands),
        (error: RefusedError) => (error.cause ?? error).type === 'TOPIC_AUTHORIZATION_FAILED',
        principal,
      );
    }
  });

  it('given the principals the table lets write ledger.commands.v1, when they produce to it, then the broker accepts', async () => {
    const allowed = PRINCIPALS.filter(mayWriteCommands);
    assert.deepEqual(allowed.sort(), [
      'clearing-api',
      'deleveraging-engine',
      'margin-calculator',
      'position-aggregator',
    ]);
    for (const principal of allowed) await produceOne(kafkaAs(USERS.get(principal)!), TOPICS.ledgerCommands);
  });

  it('given a client with no login or a wrong password, when it connects, then the broker refuses it', async () => {
    // The broker answers ApiVersions before authentication, then drops a client that skips the SASL handshake.
    const anonymous = rawClient().admin();
    await anonymous.connect();
    await assert.rejects(anonymous.listTopics(), { name: 'KafkaJSConnectionClosedError' });
    await anonymous.disconnect();
    const forger = rawClient(
      scramLogin({ name: 'position-aggregator', password: 'not-the-password' }),
    ).admin();
    await assert.rejects(forger.connect(), { name: 'KafkaJSSASLAuthenticationError' });
    await forger.disconnect();
  });
});
