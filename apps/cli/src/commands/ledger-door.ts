import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { databaseUrlFromEnv, kafkaBrokersFromEnv, signingKeyFromEnv } from '@clearing/config';
import { AttributionV1, TOPICS } from '@clearing/contracts';
import {
  CommandPublisher,
  createKafka,
  PreparedCommand,
  prepareCommand,
  UnsignedCommand,
  CommandBody,
} from '@clearing/kafka';
import { CommandOutcome, commandOutcome, createDataSource } from '@clearing/persistence';
import { ExitCodeSink } from '../command';

/** The options every ledger-command sub-command shares: idempotency, attribution, waiting. */
export interface DoorOptions {
  readonly commandId?: string;
  readonly principal: string;
  readonly keyId?: string;
  readonly wait: boolean;
  readonly waitMs: string;
}

/** Adds the shared options to a sub-command that issues a ledger command. */
export function withDoorOptions(command: Command): Command {
  return command
    .option(
      '--command-id <id>',
      'idempotency key: re-sending the same command with it books it once (default: new UUID)',
    )
    .option(
      '--principal <name>',
      'who is asking, journaled in the attribution',
      safePrincipal(userInfo().username),
    )
    .option('--key-id <id>', 'id of the credential used, journaled in the attribution')
    .option('--wait', 'wait for the ledger to decide, print the outcome, exit 1 unless booked', false)
    .addOption(new Option('--wait-ms <ms>', 'how long --wait waits').default('30000'));
}

/**
 * Attributes (`via: cli`), signs with this environment's admin key and publishes one command, as the
 * clearing API does; with --wait, polls `command_outcomes` until the ledger decided it.
 */
export async function issueFromCli(
  body: CommandBody,
  options: DoorOptions,
  exit: ExitCodeSink,
): Promise<void> {
  const now = new Date().toISOString();
  const attribution: AttributionV1 = {
    principal: options.principal,
    at: now,
    via: 'cli',
    ...(options.keyId ? { keyId: options.keyId } : {}),
  };
  const prepared = prepareCommand(
    {
      ...body,
      schemaVersion: 1,
      commandId: options.commandId ?? randomUUID(),
      issuedAt: now,
    } as UnsignedCommand,
    attribution,
    { issuer: 'admin', key: signingKeyFromEnv(process.env, 'admin') },
  );
  const publisher = new CommandPublisher(
    createKafka({ clientId: 'clearing-cli', brokers: kafkaBrokersFromEnv() }),
    TOPICS.ledgerCommands,
  );
  try {
    await publisher.publish([prepared]);
  } finally {
    await publisher.close();
  }
  process.stdout.write(
    `${prepared.command.type} ${prepared.command.commandId} sent for ${prepared.command.account}\n`,
  );
  exit(options.wait ? await waitForOutcome(prepared, Number(options.waitMs)) : 0);
}

async function waitForOutcome(prepared: PreparedCommand, waitMs: number): Promise<number> {
  const dataSource = createDataSource({
    url: databaseUrlFromEnv(),
    schema: process.env.DATABASE_SCHEMA,
    poolSize: 1,
    applicationName: 'clearing-cli',
  });
  await dataSource.initialize();
  try {
    const deadline = Date.now() + waitMs;
    let outcome: CommandOutcome;
    do {
      outcome = await commandOutcome(dataSource, prepared.command.commandId, prepared.commandHash);
      if (outcome.status === 'pending') await new Promise((resolve) => setTimeout(resolve, 250));
    } while (outcome.status === 'pending' && Date.now() < deadline);
    process.stdout.write(`${describeOutcome(outcome)}\n`);
    return outcome.status === 'booked' ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function describeOutcome(outcome: CommandOutcome): string {
  switch (outcome.status) {
    case 'pending':
      return `pending: not decided yet (look again later with the command id ${outcome.commandId})`;
    case 'booked':
      return `booked: ${outcome.eventType} at sequence ${outcome.journalSequence} of ${outcome.account}`;
    default:
      return `${outcome.status}: ${outcome.reason}`;
  }
}

/** An OS login as an attribution principal: characters the contract does not allow become '-'. */
function safePrincipal(login: string): string {
  const cleaned = login.replace(/[^A-Za-z0-9._:@-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 128) : 'operator';
}
