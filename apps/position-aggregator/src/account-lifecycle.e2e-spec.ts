import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DLQ_HEADERS } from '@clearing/contracts';
import {
  AggregatorFixture,
  depositMessage,
  eventually,
  fillMessage,
  publishRaw,
  readCommitted,
  signedByAdmin,
} from '@clearing/testing';
import { commandOutcome } from '@clearing/persistence';

const CLI = path.resolve(__dirname, '../../../../apps/cli/bin/clearing.js');

/** An account lifecycle command as the operator path publishes it: plain JSON, signed by admin. */
function lifecycle(type: string, account: string, id: string, fields: object = {}) {
  const command = { schemaVersion: 1, commandId: id, type, account, issuedAt: '2026-11-24T08:00:00Z' };
  const attribution = { principal: 'ops-jane', keyId: 'key-7', at: '2026-11-24T08:00:00Z', via: 'cli' };
  return signedByAdmin({ key: account, value: JSON.stringify({ ...command, attribution, ...fields }) });
}

const aggregator = new AggregatorFixture();
before(async () => {
  await aggregator.open([]);
  await aggregator.start();
});
after(() => aggregator.close());

const journalOf = async (account: string) =>
  (await readCommitted(aggregator.kafka.kafka, aggregator.topics.ledgerJournal))
    .map((r) => JSON.parse(r.value!.toString()))
    .filter((e) => e.account === account);

describe('onboarding is a journaled command: the intake follows the journal', () => {
  it('given accounts opened by command, when they trade, then the fill clears and the opening is attributed', async () => {
    const { kafka } = aggregator.kafka;
    await publishRaw(kafka, aggregator.topics.ledgerCommands, [
      lifecycle('OpenAccount', 'dana', 'open-dana'),
      lifecycle('OpenAccount', 'erin', 'open-erin'),
      lifecycle('OpenAccount', 'erin-iso', 'open-erin-iso', { parentAccount: 'erin', isolated: true }),
      depositMessage('dana', '100000'),
      depositMessage('erin', '100000'),
    ]);
    await eventually(async () => {
      const rows = await aggregator.query(`SELECT 1 FROM accounts WHERE status = 'active'`);
      return rows.length === 3 ? true : undefined;
    }, 60_000);
    const [isolated] = await aggregator.query<{ parent_account_id: string; margin_mode: string }>(
      `SELECT parent_account_id, margin_mode FROM accounts WHERE account_id = 'erin-iso'`,
    );
    assert.deepEqual(isolated, { parent_account_id: 'erin', margin_mode: 'isolated' });

    await publishRaw(kafka, aggregator.topics.fills, [
      fillMessage({
        fillId: 'l-1',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '1',
        buyer: 'dana',
        seller: 'erin',
      }),
    ]);
    const legs = await eventually(async () => {
      const rows = await aggregator.query(`SELECT account_id FROM fill_legs WHERE fill_id = 'l-1'`);
      return rows.length === 2 ? rows : undefined;
    }, 60_000);
    assert.equal(legs.length, 2);
    const [opened] = (await journalOf('dana')).filter((e) => e.type === 'AccountOpened');
    assert.deepEqual(opened.payload.attribution, {
      principal: 'ops-jane',
      keyId: 'key-7',
      at: '2026-11-24T08:00:00Z',
      via: 'cli',
    });
  });
});

describe('suspending and closing are journaled commands too', () => {
  it('given a suspended account, then its fills are refused with a reason, withdrawals refused, deposits booked', async () => {
    const { kafka } = aggregator.kafka;
    await publishRaw(kafka, aggregator.topics.ledgerCommands, [
      lifecycle('SuspendAccount', 'erin', 'suspend-erin', { reason: 'KYC review' }),
    ]);
    await eventually(async () => {
      const rows = await aggregator.query(
        `SELECT 1 FROM accounts WHERE account_id = 'erin' AND status = 'suspended'`,
      );
      return rows.length === 1 ? true : undefined;
    }, 60_000);
    await publishRaw(kafka, aggregator.topics.fills, [
      fillMessage({
        fillId: 'l-2',
        instrument: 'BTC-PERP',
        price: '50000',
        quantity: '1',
        buyer: 'erin',
        seller: 'dana',
      }),
    ]);
    await publishRaw(kafka, aggregator.topics.ledgerCommands, [
      depositMessage('erin', '5', 'USDC', 'erin-deposit-while-suspended'),
      {
        key: 'erin',
        value: JSON.stringify({
          schemaVersion: 1,
          commandId: 'erin-withdraw-while-suspended',
          type: 'WithdrawalRequest',
          account: 'erin',
          issuedAt: '2026-11-24T10:00:00Z',
          asset: 'USDC',
          amount: '1',
        }),
      },
    ]);
    const letters = await eventually(async () => {
      const all = await readCommitted(kafka, `${aggregator.topics.fills}.dlq`);
      return all.length >= 1 ? all : undefined;
    }, 60_000);
    assert.match(letters[0].headers![DLQ_HEADERS.reason]!.toString(), /account erin is suspended/);

    const events = await eventually(async () => {
      const all = await journalOf('erin');
      return all.some((e) => e.causationId === 'erin-withdraw-while-suspended') ? all : undefined;
    }, 60_000);
    const outcome = (id: string) => events.find((e) => e.causationId === id);
    assert.equal(outcome('erin-deposit-while-suspended').type, 'CollateralDeposited');
    assert.equal(outcome('erin-withdraw-while-suspended').type, 'WithdrawalRejected');
    assert.match(outcome('erin-withdraw-while-suspended').payload.reason, /suspended/);
  });

  it('given an account holding a position, closing it is refused with the reason', async () => {
    await publishRaw(aggregator.kafka.kafka, aggregator.topics.ledgerCommands, [
      lifecycle('CloseAccount', 'dana', 'close-dana'),
    ]);
    const refusal = await eventually(async () =>
      (await journalOf('dana')).find((e) => e.causationId === 'close-dana'),
    );
    assert.equal(refusal.type, 'CommandRejected');
    assert.match(refusal.payload.reason, /open position in BTC-PERP/);
  });
});

describe('what the API and the CLI see: a command outcome by id, the CLI as an operator uses it', () => {
  it('given decided commands, then commandOutcome answers booked with the sequence, refused with the reason, pending, conflict', async () => {
    const db = aggregator.database.dataSource;
    const opened = await commandOutcome(db, 'open-dana');
    assert.equal(opened.status, 'booked');
    assert.deepEqual(
      opened.status === 'booked' && [opened.eventType, opened.journalSequence, opened.attribution?.principal],
      ['AccountOpened', 1, 'ops-jane'],
    );
    const closing = await commandOutcome(db, 'close-dana');
    assert.equal(closing.status, 'refused');
    assert.match(closing.status === 'refused' ? closing.reason : '', /open position in BTC-PERP/);
    assert.deepEqual(await commandOutcome(db, 'never-sent'), { status: 'pending', commandId: 'never-sent' });
    assert.equal((await commandOutcome(db, 'open-dana', 'f'.repeat(64))).status, 'conflict');
  });

  it('given the CLI, when an operator opens and funds an account, then a retry is the same command and other content a conflict', () => {
    const clearing = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args, '--principal', 'ops-jane', '--wait', '--wait-ms', '60000'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          CLEARING_TOPIC_NAMESPACE: aggregator.namespace,
          DATABASE_SCHEMA: aggregator.database.schema,
        },
      });
    const open = clearing('accounts', 'open', 'frank');
    assert.equal(open.status, 0, open.stderr);
    assert.match(open.stdout, /booked: AccountOpened at sequence 1 of frank/);
    const deposit = clearing('deposit', 'frank', '250', '--command-id', 'dep-frank-1');
    assert.equal(deposit.status, 0, deposit.stderr);
    assert.match(deposit.stdout, /booked: CollateralDeposited at sequence 2 of frank/);
    const retry = clearing('deposit', 'frank', '250', '--command-id', 'dep-frank-1');
    assert.match(
      retry.stdout,
      /booked: CollateralDeposited at sequence 2 of frank/,
      'a retry is the same command',
    );
    const other = clearing('deposit', 'frank', '999', '--command-id', 'dep-frank-1');
    assert.equal(other.status, 1);
    assert.match(other.stdout, /conflict: command dep-frank-1 was already decided with other content/);
  });
});
