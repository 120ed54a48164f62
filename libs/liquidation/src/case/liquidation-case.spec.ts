import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InsuranceFundDraw, PositionTransfer } from '@clearing/ledger';
import { PlanInput } from '../planner/partial-plan';
import { btc, CONFIG, marketOf, perpMark, termsOf, usdc } from '../planner/spec-fixtures';
import { rankForAdl } from '../waterfall/adl-ranking';
import { CaseInput, decideCase } from './case-decide';
import { openCase } from './case-types';

const throttle = {
  baseFractionPpm: 1_000_000n,
  baseCooldownMs: 30_000,
  escalation: 2n,
  minCooldownMs: 5_000,
};
const exact = { terms: termsOf('BTC-PERP'), quantity: btc('10'), markPrice: usdc('60000') };
const plan: Omit<PlanInput, 'fractionPpm'> = {
  portfolio: {
    account: 'alice',
    collateral: [{ asset: 'USDC', units: 95_000 }],
    positions: [
      { instrument: 'BTC-PERP', kind: 'perpetual', quantity: 10, contractSize: 1, costUsd: 630_000 },
    ],
  },
  market: marketOf([perpMark('BTC-PERP', 60_000)]),
  config: CONFIG,
  method: 'portfolio',
  pricing: { towardBankruptcyPpm: 100_000n, feePpm: 15_000n },
  holdings: new Map([['BTC-PERP', { exact, lot: btc('0.001') }]]),
  hedgePerps: new Map(),
  pausedUnderlyings: new Set(),
  targetImPpm: 1_000_000n,
};
const round: CaseInput = {
  type: 'Round',
  occurredAt: '2025-01-01T00:00:00Z',
  atMs: 0,
  plan,
  backstopAccount: 'BACKSTOP',
  throttle,
};

describe('a liquidation case that one partial round saves', () => {
  const opened = openCase('case-1', 'alice');
  const first = decideCase(opened, round);

  it('then step 1 sells part of BTC-PERP to the backstop, which buys it at the same price without a fee, and the case waits for the ledger, already healthy by plan', () => {
    assert.equal(first.commands.length, 2);
    const [transfer, takeover] = first.commands as PositionTransfer[];
    assert.equal(transfer.type, 'LiquidationTransfer');
    assert.equal(transfer.counterpartyAccount, 'BACKSTOP');
    assert.ok(transfer.quantity < btc('10'));
    assert.deepEqual(
      [takeover.account, takeover.side, takeover.quantity, takeover.price, takeover.fee],
      ['BACKSTOP', 'buy', transfer.quantity, transfer.price, 0n],
    );
    assert.notEqual(takeover.commandId, transfer.commandId);
    assert.equal(first.state.pending?.step, 1);
    assert.equal(first.state.phase, 'healthy');
  });

  it('then both legs carry the band the price was decided in (journaled for clearing verify): mark 60,000 down to the bankruptcy price', () => {
    for (const leg of first.commands as PositionTransfer[]) {
      assert.equal(leg.markPrice, usdc('60000'));
      assert.ok(leg.bankruptcyPrice !== undefined && leg.bankruptcyPrice < usdc('60000'));
      assert.ok(leg.price <= leg.markPrice && leg.price >= leg.bankruptcyPrice);
    }
  });

  it('given the service crashed and re-runs the same input on the old state, then it issues the same command ids', () => {
    assert.deepEqual(decideCase(opened, round).commands, first.commands);
  });

  it('given it persisted the step and any input comes again before the ledger confirms, then the same commands are re-issued, never re-planned', () => {
    assert.deepEqual(decideCase(first.state, { ...round, atMs: 60_000 }).commands, first.commands);
  });

  it('given the ledger booked step 1, then the case can close', () => {
    const booked = decideCase(first.state, { type: 'Booked', step: 1 }).state;
    assert.equal(booked.pending, undefined);
    assert.equal(decideCase(booked, { type: 'Close' }).state.phase, 'closed');
  });

  it("given BTC's oracle mark is invalid, then the round pauses: no command, the underlying recorded", () => {
    const paused = decideCase(opened, { ...round, plan: { ...plan, pausedUnderlyings: new Set(['BTC']) } });
    assert.deepEqual(paused.commands, []);
    assert.deepEqual([paused.state.phase, paused.state.paused], ['liquidating', ['BTC']]);
  });
});

describe('a case that goes bankrupt: insurance fund, then ADL, then socialized loss', () => {
  // BTC gaps to $53,000: NLV = 95,000 + 10 x (53,000 - 63,000) = -5,000, bankrupt before any round.
  const crashed = { ...plan, market: marketOf([perpMark('BTC-PERP', 53_000)]) };
  const atMark = { ...exact, markPrice: usdc('53000') };
  const base = {
    occurredAt: '2025-01-01T00:01:00Z',
    backstopAccount: 'BACKSTOP',
    settlementAsset: 'USDC',
    holdings: [{ exact: atMark, share: { part: 1n, total: 1n } }],
  };
  const insurance = decideCase(openCase('case-2', 'alice'), { ...round, plan: crashed }).state;
  const cover = decideCase(insurance, {
    type: 'CoverDeficit',
    ...base,
    netCollateral: usdc('-5000'),
    atMs: 60_000,
    fund: { balance: usdc('3000'), draws: [] },
    limits: { perEventCap: usdc('10000'), perWindowCap: usdc('10000'), windowMs: 3_600_000 },
  });

  it('then the fund draws all it has (3,000) and the case moves to ADL for the remaining 2,000', () => {
    assert.equal(insurance.phase, 'insurance');
    const [draw] = cover.commands as InsuranceFundDraw[];
    assert.deepEqual([draw.type, draw.amount], ['InsuranceFundDraw', usdc('3000')]);
    assert.equal(cover.state.phase, 'adl');
    assert.equal(cover.fund?.balance, 0n);
  });

  it('then the shorts at the top of the queue buy at the bankruptcy price ($53,200) and what they cannot take is socialized', () => {
    const booked = decideCase(cover.state, { type: 'Booked', step: 1 }).state;
    const short = (account: string, quantity: bigint, markValueUsd: number) => ({
      account,
      quantity,
      markValueUsd,
      entryValueUsd: -600_000,
      bankruptValueUsd: -700_000,
    });
    const queues = new Map([
      ['BTC-PERP', rankForAdl([short('bob', -btc('6'), -318_000), short('carol', -btc('2'), -106_000)])],
    ]);
    const adl = decideCase(booked, { type: 'Deleverage', ...base, netCollateral: usdc('-2000'), queues });
    const transfers = adl.commands.filter((c): c is PositionTransfer => c.type === 'AutoDeleverage');
    // 10 BTC must bring 530,000 + 2,000: $53,200 each.
    assert.ok(transfers.every((t) => t.price === usdc('53200')));
    assert.deepEqual(
      transfers.map((t) => [t.account, t.side, t.quantity]),
      [
        ['alice', 'sell', btc('6')],
        ['bob', 'buy', btc('6')],
        ['alice', 'sell', btc('2')],
        ['carol', 'buy', btc('2')],
      ],
    );
    const rest = adl.commands.filter((c): c is PositionTransfer => c.type === 'LiquidationTransfer');
    assert.deepEqual(
      rest.map((t) => [t.account, t.side, t.quantity, t.price]),
      [
        ['alice', 'sell', btc('2'), usdc('53000')],
        ['BACKSTOP', 'buy', btc('2'), usdc('53000')],
      ],
    );
    // Every leg carries its band: mark 53,000 and bankruptcy 53,200 (a long past bankruptcy at the mark).
    for (const leg of [...transfers, ...rest]) {
      assert.deepEqual([leg.markPrice, leg.bankruptcyPrice], [usdc('53000'), usdc('53200')]);
    }
    const loss = adl.commands.find((c) => c.type === 'SocializeLoss');
    assert.equal(loss?.amount, usdc('400'));
    assert.equal(adl.state.phase, 'socialized');
  });
});
