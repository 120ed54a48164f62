import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPostings, assertZeroSum, balanceOf, EMPTY_BALANCES } from '../balances';
import { JournalEvent } from '../journal-event';
import { BTC_FUTURE_MAR, BTC_PERP, clear, SHARD_OF, shards, usdc } from './book-fixtures';
import { scaledDecimal } from './terms';
import { FundingPeriod, ShardLedger } from './shard-ledger';
import { SystemAccount } from './system-accounts';

const FUNDING_TIME = '2026-12-06T08:00:00.000Z';
const FIRST_FUNDING_TIME = '2026-12-06T00:00:00.000Z';

/** The 08:00 period of BTC-PERP at 0.01% on a 65,000.5 mark, as the aggregator maps InstrumentFunding. */
const period = (commandId = 'funding-BTC-PERP-0800'): FundingPeriod => ({
  commandId,
  instrument: 'BTC-PERP',
  rate: { minor: 1n, scale: 4 },
  markPrice: usdc('65000.5'),
  fundingTime: FUNDING_TIME,
});

/** The shards after their first BTC-PERP period (00:00), which only starts funding. */
function fundedShards(): ShardLedger[] {
  const ledgers = shards();
  fundAll(ledgers, { ...period('funding-BTC-PERP-0000'), fundingTime: FIRST_FUNDING_TIME });
  return ledgers;
}

/** Alice (shard 0) long 2, Bob (shard 1) short 1.5 and Carol (shard 0) short 0.5 of BTC-PERP before 08:00. */
function holders(): { ledgers: ShardLedger[]; journal: JournalEvent[] } {
  const ledgers = fundedShards();
  const at = '2026-12-06T07:59:00Z';
  const journal = [
    ...clear(ledgers, {
      fillId: 'p1',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '65000',
      quantity: '1.5',
      at,
    }),
    ...clear(ledgers, {
      fillId: 'p2',
      buyer: 'alice',
      seller: 'carol',
      terms: BTC_PERP,
      price: '65000',
      quantity: '0.5',
      at,
    }),
  ];
  return { ledgers, journal };
}

/** Traders by the fixtures' map, CCP-<p> by its own number. */
const shardOf = (account: string): number => SHARD_OF[account] ?? Number(account.replace('CCP-', ''));
const fundAll = (ledgers: ShardLedger[], p = period()) => ledgers.flatMap((l) => l.fund(p).events);
/** What each holder paid (negative) or received, from the FundingSettled events. */
const payments = (events: JournalEvent[]) =>
  Object.fromEntries(
    events.filter((e) => e.type === 'FundingSettled').map((e) => [e.account, String(e.payload.payment)]),
  );

describe('perpetual funding: every holder settles each period once, longs pay shorts rate x notional', () => {
  it('given a positive rate, then the long pays 0.01% of 2 x 65,000.5 and the shorts receive theirs', () => {
    const { ledgers } = holders();
    const events = fundAll(ledgers);
    // 2 x 65,000.5 x 0.0001 = 13.0001; 1.5 x ... = 9.750075; 0.5 x ... = 3.250025 (all exact at 6 places)
    assert.deepEqual(payments(events), { alice: '-13.0001', bob: '9.750075', carol: '3.250025' });
    assert.deepEqual(
      events.map((e) => [e.type, e.account]),
      [
        ['FundingPeriodSettled', 'CCP-0'],
        ['FundingSettled', 'alice'],
        ['FundingSettled', 'carol'],
        ['FundingPeriodSettled', 'CCP-1'],
        ['FundingSettled', 'bob'],
      ],
    );
  });

  it('given the first period a shard ever sees for a perpetual, then it only starts the funding clock: nobody pays', () => {
    const ledgers = shards();
    clear(ledgers, {
      fillId: 'p0',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '65000',
      quantity: '1',
    });
    const events = fundAll(ledgers);
    assert.deepEqual(
      events.map((e) => [e.type, e.account, e.payload.first]),
      [
        ['FundingPeriodSettled', 'CCP-0', true],
        ['FundingPeriodSettled', 'CCP-1', true],
      ],
    );
  });

  it('given a rate whose payments are not whole micro-USDC, then each account is rounded against it and the CCP keeps the remainder', () => {
    const { ledgers, journal } = holders();
    const events = fundAll(ledgers, {
      ...period(),
      rate: { minor: 1n, scale: 7 },
      markPrice: usdc('65000.33'),
    });
    // 2 x 65,000.33 x 1e-7 = 0.013000066 -> Alice pays 0.013001; the shorts get 0.009750049 -> 0.009750 and 0.003250016 -> 0.003250
    assert.deepEqual(payments(events), { alice: '-0.013001', bob: '0.00975', carol: '0.00325' });
    const balances = [...journal, ...events].reduce(applyPostings, EMPTY_BALANCES);
    assertZeroSum(balances);
    const ccp = [0, 1].reduce((sum, s) => sum + balanceOf(balances, SystemAccount.ccp(s), 'USDC'), 0n);
    assert.equal(ccp, usdc('0.000001'));
  });
});

describe('perpetual funding is settled exactly once per period and holder, and only by who held at the funding time', () => {
  it('given a period older than the last one settled, then it is not settled out of order', () => {
    const { ledgers } = holders();
    fundAll(ledgers);
    assert.deepEqual(
      fundAll(ledgers, { ...period('late-0400'), fundingTime: '2026-12-06T04:00:00.000Z' }),
      [],
    );
  });

  it('when the same period is issued again (a restart, a redelivery), then nobody is settled twice', () => {
    const { ledgers } = holders();
    fundAll(ledgers);
    assert.deepEqual(fundAll(ledgers), []);
  });

  it('when the journal is replayed into a fresh writer, then the period is still settled once', () => {
    const { ledgers, journal } = holders();
    const settled = fundAll(ledgers);
    const restored = shards();
    const first = fundAll(shards(), { ...period('funding-BTC-PERP-0000'), fundingTime: FIRST_FUNDING_TIME });
    for (const event of [...first, ...journal, ...settled]) restored[shardOf(event.account)].restore(event);
    assert.deepEqual(fundAll(restored), []);
  });

  it('given a position opened after the funding time, then it owes nothing for that period', () => {
    const { ledgers } = holders();
    clear(ledgers, {
      fillId: 'late',
      buyer: 'carol',
      seller: 'bob',
      terms: BTC_PERP,
      price: '65000',
      quantity: '1',
      at: '2026-12-06T08:00:01Z',
    });
    // Carol was short 0.5 at 08:00 and is long 0.5 now: her position re-opened after 08:00
    assert.deepEqual(Object.keys(payments(fundAll(ledgers))).sort(), ['alice', 'bob']);
  });

  it('given a dated future with the same symbol in the command, then it is refused: only perpetuals pay funding', () => {
    const ledgers = shards();
    clear(ledgers, {
      fillId: 'fut',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_FUTURE_MAR,
      price: '65000',
      quantity: '1',
    });
    const future = BTC_FUTURE_MAR.instrument;
    fundAll(ledgers, { ...period('first-future'), instrument: future, fundingTime: FIRST_FUNDING_TIME });
    const events = fundAll(ledgers, { ...period(), instrument: future });
    assert.deepEqual(
      events.filter((e) => e.type === 'CommandRejected').map((e) => [e.type, e.payload.reason]),
      [
        ['CommandRejected', 'BTC-26MAR27 is not a perpetual: it pays no funding'],
        ['CommandRejected', 'BTC-26MAR27 is not a perpetual: it pays no funding'],
      ],
    );
  });
});

/** A perpetual on 0.01 BTC a contract: the oracle marks it per contract, the ledger prices per BTC. */
const BTC_PERP_MINI = { ...BTC_PERP, instrument: 'BTC-PERP-MINI', contractSize: scaledDecimal('0.01') };

describe('perpetual funding on a contract of 0.01 BTC (issue 12: a mark is per contract, a price per unit)', () => {
  it('given alice long 2 contracts at 65,000 and a mark of 650.005 per contract, then she pays 0.01% of 2 x 0.01 x 65,000.5', () => {
    const ledgers = shards();
    const first = { ...period('mini-0000'), instrument: 'BTC-PERP-MINI', fundingTime: FIRST_FUNDING_TIME };
    fundAll(ledgers, { ...first, markPrice: usdc('650.005') });
    clear(ledgers, {
      fillId: 'm1',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP_MINI,
      price: '65000',
      quantity: '2',
      at: '2026-12-06T07:59:00Z',
    });
    const events = fundAll(ledgers, {
      ...period('mini-0800'),
      instrument: 'BTC-PERP-MINI',
      markPrice: usdc('650.005'),
    });
    // 2 x 0.01 x 65,000.5 = 1,300.01 of notional; x 0.0001 = 0.130001 (exact at 6 places). Read as a price
    // per unit, the per-contract mark would apply the contract size twice: 0.0013 (the defect).
    assert.deepEqual(payments(events), { alice: '-0.130001', bob: '0.130001' });
  });
});
