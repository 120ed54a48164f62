import { Kafka } from 'kafkajs';
import { signingKeyFromEnv } from '@clearing/config';
import { AttributionV1, TOPICS } from '@clearing/contracts';
import { CommandPublisher, prepareCommand } from '@clearing/kafka';
import { Queryable } from '@clearing/persistence';
import { eventually } from './wait';

/** Where and as whom test set-ups onboard accounts (the operator path, signed with this environment's admin key). */
export interface Onboarding {
  readonly kafka: Kafka;
  /** The fixture's (namespaced) ledger.commands.v1 topic. */
  readonly topic?: string;
  /** Event time of the commands, so replays and journal times stay deterministic. */
  readonly issuedAt?: string;
}

const FIXTURE_ATTRIBUTION: AttributionV1 = {
  principal: 'test-setup',
  at: '2026-11-24T08:00:00Z',
  via: 'ops',
};

/**
 * Opens `accounts` the way production does, with journaled OpenAccount commands, all in one send; the
 * command id is derived from the account so a set-up run twice opens nobody twice.
 */
export async function openAccounts(onboarding: Onboarding, accounts: readonly string[]): Promise<void> {
  const signer = { issuer: 'admin', key: signingKeyFromEnv(process.env, 'admin') };
  const issuedAt = onboarding.issuedAt ?? FIXTURE_ATTRIBUTION.at;
  const prepared = accounts.map((account) =>
    prepareCommand(
      { schemaVersion: 1, commandId: `open-${account}`, type: 'OpenAccount', account, issuedAt },
      FIXTURE_ATTRIBUTION,
      signer,
    ),
  );
  const publisher = new CommandPublisher(onboarding.kafka, onboarding.topic ?? TOPICS.ledgerCommands);
  try {
    await publisher.publish(prepared);
  } finally {
    await publisher.close();
  }
}

/** Resolves once every one of `accounts` is an active row of the projected `accounts` table. */
export async function awaitAccountsOpen(
  db: Queryable,
  accounts: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  await eventually(async () => {
    const [{ open }] = (await db.query(
      `SELECT count(*)::int AS open FROM accounts WHERE account_id = ANY($1) AND status = 'active'`,
      [[...new Set(accounts)]],
    )) as { open: number }[];
    return open === new Set(accounts).size ? true : undefined;
  }, timeoutMs);
}
