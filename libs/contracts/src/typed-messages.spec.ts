// Keeps the hand-written TS types and the JSON Schemas in sync: every value below is type-checked by tsc
// and must pass the schema; the @ts-expect-error lines prove the types reject what the schemas reject.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateMessage } from './decode';
import { FillV1 } from './fill';
import { LedgerCommandType, LedgerCommandV1 } from './ledger-command';
import { LiquidationV1 } from './liquidation';
import { MarginV1 } from './margin';
import { OraclePriceV1 } from './oracle-price';
import { RiskSummaryV1 } from './risk-summary';
import { SettlementV1 } from './settlement';
import { TOPICS } from './topics';

const envelope = { schemaVersion: 1, account: 'acct-alice', issuedAt: '2026-03-14T09:30:00Z' } as const;

const commands: Record<LedgerCommandType, LedgerCommandV1> = {
  Deposit: { ...envelope, commandId: 'c1', type: 'Deposit', asset: 'USDC', amount: '10' },
  WithdrawalRequest: {
    ...envelope,
    commandId: 'c2',
    type: 'WithdrawalRequest',
    asset: 'ETH',
    amount: '0.1',
    marginApproval: { journalSequence: 3, approvedBy: 'margin-calculator', freeCollateralUsd: '120.5' },
  },
  RegisterInstrument: {
    ...envelope,
    commandId: 'c3',
    type: 'RegisterInstrument',
    instrument: 'BTC-27DEC26',
    instrumentKind: 'future',
    underlying: 'BTC',
    quoteAsset: 'USD',
    settlementAsset: 'USDC',
    positionScale: 4,
    contractSize: '1',
    expiry: '2026-12-27T08:00:00Z',
  },
  RiskParamsChange: {
    ...envelope,
    commandId: 'c4',
    type: 'RiskParamsChange',
    scope: 'global',
    params: { imFactor: '1.1' },
  },
  FundingSettlement: {
    ...envelope,
    commandId: 'c5',
    type: 'FundingSettlement',
    instrument: 'BTC-PERP',
    fundingRate: '0.0001',
    markPrice: '65000',
    fundingTime: '2026-03-14T08:00:00Z',
  },
  OptionExpirySettlement: {
    ...envelope,
    commandId: 'c6',
    type: 'OptionExpirySettlement',
    instrument: 'ETH-27DEC26-3000-P',
    settlementPrice: '2900',
    expiry: '2026-12-27T08:00:00Z',
  },
  LiquidationTransfer: {
    ...envelope,
    commandId: 'c7',
    type: 'LiquidationTransfer',
    liquidationId: 'l1',
    instrument: 'BTC-PERP',
    side: 'sell',
    quantity: '0.1',
    price: '60000',
    toAccount: 'insurance-fund',
  },
  InsuranceFundDraw: {
    ...envelope,
    commandId: 'c8',
    type: 'InsuranceFundDraw',
    caseId: 'k1',
    asset: 'USDC',
    amount: '5',
  },
  SocializeLoss: {
    ...envelope,
    commandId: 'c8b',
    type: 'SocializeLoss',
    caseId: 'k1',
    asset: 'USDC',
    amount: '400',
  },
  AutoDeleverage: {
    ...envelope,
    commandId: 'c9',
    type: 'AutoDeleverage',
    caseId: 'k1',
    counterpartyAccount: 'acct-bob',
    instrument: 'BTC-PERP',
    side: 'buy',
    quantity: '0.1',
    price: '59000',
  },
  OpenAccount: {
    ...envelope,
    commandId: 'open-1',
    type: 'OpenAccount',
    parentAccount: 'acct-alice',
    isolated: true,
    attribution: { principal: 'ops-jane', keyId: 'key-7', at: '2026-03-14T09:00:00Z', via: 'api' },
  },
  SuspendAccount: { ...envelope, commandId: 'suspend-1', type: 'SuspendAccount', reason: 'KYC review' },
  CloseAccount: { ...envelope, commandId: 'close-1', type: 'CloseAccount' },
  InstrumentExpiry: {
    ...envelope,
    commandId: 'expiry-1',
    type: 'InstrumentExpiry',
    shard: 0,
    instrument: 'BTC-27DEC26-60000-C',
    settlementPrice: '61000',
    expiry: '2026-12-27T08:00:00Z',
  },
  InstrumentFunding: {
    ...envelope,
    commandId: 'funding-1',
    type: 'InstrumentFunding',
    shard: 0,
    instrument: 'BTC-PERP',
    fundingRate: '-0.0001',
    markPrice: '65000',
    fundingTime: '2026-12-27T08:00:00Z',
  },
  ClockTick: { ...envelope, commandId: 'tick-1', type: 'ClockTick', shard: 0 },
  FillLeg: {
    ...envelope,
    commandId: 'f-1:buyer',
    type: 'FillLeg',
    fillId: 'f-1',
    side: 'buy',
    counterpartyAccount: 'acct-bob',
    terms: {
      instrument: 'ETH-27DEC26-3000-C',
      kind: 'option',
      settlementAsset: 'USDC',
      positionScale: 2,
      contractSize: '1',
      expiry: '2026-12-27T08:00:00Z',
      strike: '3000',
      optionType: 'call',
    },
    price: '180',
    quantity: '2',
    fee: '-0.5',
    feeAsset: 'USDC',
    venue: 'venue-a',
    venueSequence: 7,
    fillHash: 'ab'.repeat(32),
  },
};

const prices: OraclePriceV1[] = [
  {
    schemaVersion: 1,
    kind: 'index-quote',
    source: 'kraken',
    eventTime: '2026-03-14T09:00:00Z',
    underlying: 'ETH',
    price: '3100',
  },
  {
    schemaVersion: 1,
    kind: 'redemption-rate',
    source: 'lido',
    eventTime: '2026-03-14T09:00:00Z',
    token: 'stETH',
    base: 'ETH',
    rate: '1',
  },
  {
    schemaVersion: 1,
    kind: 'implied-vol',
    source: 'deribit',
    eventTime: '2026-03-14T09:00:00Z',
    underlying: 'BTC',
    expiry: '2026-06-26T08:00:00Z',
    delta: '0.25',
    iv: '0.55',
  },
];

const fill: FillV1 = {
  schemaVersion: 1,
  fillId: 'f-1',
  venue: 'venue-a',
  venueSequence: 0,
  instrument: 'BTC-PERP',
  price: '1',
  quantity: '1',
  aggressor: 'sell',
  buyer: { account: 'a', orderId: 'o', fee: '0' },
  seller: { account: 'b', orderId: 'p', fee: '0', feeAsset: 'USDC' },
  eventTime: '2026-03-14T09:00:00Z',
};

const cycle = { schemaVersion: 1, cycleId: '3-9', partition: 3, cycleSeq: 9 } as const;

const settlements: Record<SettlementV1['kind'], SettlementV1> = {
  obligation: {
    ...cycle,
    kind: 'obligation',
    account: 'acct-alice',
    asset: 'USDC',
    net: '-30',
    gross: '50',
    components: { premium: '-40', realizedPnl: '10' },
    closedAt: '2026-03-14T09:00:01Z',
  },
  'cycle-summary': {
    ...cycle,
    kind: 'cycle-summary',
    openedAt: '2026-03-14T09:00:00Z',
    closedAt: '2026-03-14T09:00:01Z',
    eventCount: 4,
    obligationCount: 2,
    byAsset: [{ asset: 'USDC', gross: '100', net: '60', nettingEfficiency: '0.4' }],
  },
};

describe('typed messages match their schemas', () => {
  it('given a typed value of every command type, then each passes ledger.commands.v1', () => {
    for (const command of Object.values(commands)) {
      const result = validateMessage(TOPICS.ledgerCommands, command);
      assert.ok(result.ok, `${command.type}: ${result.ok ? '' : result.reason}`);
    }
  });

  it('given a typed value of every oracle kind and a fill, then each passes its schema', () => {
    for (const price of prices) {
      const result = validateMessage(TOPICS.oraclePrices, price);
      assert.ok(result.ok, `${price.kind}: ${result.ok ? '' : result.reason}`);
    }
    assert.equal(validateMessage(TOPICS.fills, fill).ok, true);
  });

  it('given a typed value of every settlement kind, then each passes settlements.v1', () => {
    for (const settlement of Object.values(settlements)) {
      const result = validateMessage(TOPICS.settlements, settlement);
      assert.ok(result.ok, `${settlement.kind}: ${result.ok ? '' : result.reason}`);
    }
  });

  it('given amounts as numbers, then the types reject them at compile time as the schemas do at run time', () => {
    // @ts-expect-error a price is a decimal string, never a number
    const numericPrice: FillV1 = { ...fill, price: 1 };
    // @ts-expect-error an implied-vol point has a strike or a delta, not both
    const both: OraclePriceV1 = { ...prices[2], kind: 'implied-vol', strike: '1' };
    // @ts-expect-error a settlement's net is a decimal string, never a number
    const numericNet: SettlementV1 = { ...settlements.obligation, kind: 'obligation', net: -30 };
    assert.equal(validateMessage(TOPICS.fills, numericPrice).ok, false);
    assert.equal(validateMessage(TOPICS.oraclePrices, both).ok, false);
    assert.equal(validateMessage(TOPICS.settlements, numericNet).ok, false);
  });

  it('given a typed value of both margin kinds, then each passes margin.v1 and a USD figure as a number does not', () => {
    const stamp = {
      schemaVersion: 1,
      account: 'acct-alice',
      journalSequence: 7,
      marksAsOf: '2026-03-14T09:27:00Z',
      computedAt: '2026-03-14T09:27:00.004Z',
      cause: 'mark',
    } as const;
    const zero = { deltaUsd: 0, gammaUsdPerPercent: 0, vegaUsdPerVolPoint: 0, thetaUsdPerDay: 0 };
    const requirement = { imUsd: '1600', mmUsd: '1200' };
    const priced: MarginV1 = {
      ...stamp,
      kind: 'account-margin',
      method: 'portfolio',
      nlvUsd: '10000',
      marginNlvUsd: '10000',
      initialNlvUsd: '10000',
      required: requirement,
      portfolio: requirement,
      standard: requirement,
      nettingSavingUsd: '0',
      freeCollateralUsd: '8400',
      health: { ratio: 8.33, band: 'healthy' },
      greeks: { byUnderlying: [{ underlying: 'BTC', ...zero }], total: zero },
    };
    const unpriced: MarginV1 = {
      ...stamp,
      kind: 'account-unpriced',
      reason: 'no mark',
      missing: ['BTC-PERP'],
    };
    for (const margin of [priced, unpriced]) {
      const result = validateMessage(TOPICS.margin, margin);
      assert.ok(result.ok, `${margin.kind}: ${result.ok ? '' : result.reason}`);
    }
    // @ts-expect-error a USD figure is a decimal string in cents, never a number
    const numericNlv: MarginV1 = { ...priced, nlvUsd: 10000 };
    assert.equal(validateMessage(TOPICS.margin, numericNlv).ok, false);
  });
});

describe("a withdrawal's margin approval", () => {
  it('given free collateral as a number, then the type rejects it at compile time as the schema does at run time', () => {
    const numericFreeCollateral: LedgerCommandV1 = {
      ...envelope,
      commandId: 'c2',
      type: 'WithdrawalRequest',
      asset: 'ETH',
      amount: '0.1',
      // @ts-expect-error an approval's free collateral is a decimal string in cents, never a number
      marginApproval: { journalSequence: 3, approvedBy: 'margin-calculator', freeCollateralUsd: 120.5 },
    };
    assert.equal(validateMessage(TOPICS.ledgerCommands, numericFreeCollateral).ok, false);
  });
});

const caseOf = { schemaVersion: 1, caseId: 'case-1', account: 'acct-alice' } as const;
const transfer = {
  commandId: 'c-1',
  type: 'LiquidationTransfer',
  account: 'acct-alice',
  instrument: 'BTC-PERP',
  side: 'sell',
  quantity: '0.25',
  price: '55400',
  counterpartyAccount: 'BACKSTOP',
  fee: '207.75',
} as const;
const liquidations: Record<LiquidationV1['kind'], LiquidationV1> = {
  'case-opened': {
    ...caseOf,
    kind: 'case-opened',
    openedAt: '2026-03-14T09:30:00Z',
    trigger: {
      band: 'liquidatable',
      nlvUsd: '6000',
      marginNlvUsd: '6000',
      mmUsd: '6720',
      journalSequence: 4,
    },
  },
  step: {
    ...caseOf,
    kind: 'step',
    step: 1,
    action: 'liquidation',
    status: 'issued',
    at: '2026-03-14T09:30:00Z',
    commands: [
      transfer,
      { commandId: 'c-2', type: 'InsuranceFundDraw', account: 'acct-alice', asset: 'USDC', amount: '10' },
    ],
  },
  'case-closed': {
    ...caseOf,
    kind: 'case-closed',
    closedAt: '2026-03-14T09:31:00Z',
    outcome: 'adl',
    steps: 2,
  },
  'adl-queue': {
    schemaVersion: 1,
    kind: 'adl-queue',
    account: 'acct-bob',
    instrument: 'BTC-PERP',
    side: 'short',
    quintile: 5,
    asOf: '2026-03-14T09:31:00Z',
  },
  solvency: {
    schemaVersion: 1,
    kind: 'solvency',
    asOf: '2026-03-14T09:31:00Z',
    insuranceFunds: [{ account: 'INSURANCE-FUND-0', asset: 'USDC', balance: '100.5' }],
    insuranceFundUsd: '100.5',
    excessCollateralUsd: '0',
    requiredUsd: '0',
    largest: [],
    ratio: null,
    sufficient: true,
  },
};

describe('liquidations.v1', () => {
  it('given a typed value of every kind, then each passes liquidations.v1', () => {
    for (const message of Object.values(liquidations)) {
      const result = validateMessage(TOPICS.liquidations, message);
      assert.ok(result.ok, `${message.kind}: ${result.ok ? '' : result.reason}`);
    }
  });

  it('given a quantity as a number or a sixth light, then the types reject them at compile time as the schema does at run time', () => {
    const step = liquidations.step as Extract<LiquidationV1, { kind: 'step' }>;
    // @ts-expect-error a quantity is a decimal string, never a number
    const numericQuantity: LiquidationV1 = { ...step, commands: [{ ...transfer, quantity: 0.25 }] };
    // @ts-expect-error ADL lights run from 1 to 5
    const sixLights: LiquidationV1 = { ...liquidations['adl-queue'], kind: 'adl-queue', quintile: 6 };
    assert.equal(validateMessage(TOPICS.liquidations, numericQuantity).ok, false);
    assert.equal(validateMessage(TOPICS.liquidations, sixLights).ok, false);
  });
});

describe('risk.summaries.v1', () => {
  const summary: RiskSummaryV1 = {
    schemaVersion: 1,
    partition: 2,
    partitionCount: 6,
    journalEvents: 40,
    asOf: '2026-03-14T09:31:00Z',
    publisher: 'deleveraging-engine-1',
    adl: [
      {
        account: 'acct-carol',
        instrument: 'BTC-PERP',
        quantity: '-0.5',
        positionScale: 4,
        markPriceUsd: 50000,
        markValueUsd: -25000,
        entryValueUsd: -30000,
        bankruptValueUsd: -32000,
      },
    ],
    largestStressLosses: [{ account: 'acct-carol', stressLossUsd: 120.5 }],
    insuranceFunds: [{ account: 'INSURANCE-FUND-2', asset: 'USDC', balance: '10' }],
  };

  it('given a typed summary, then it passes risk.summaries.v1 and a quantity as a number does not', () => {
    assert.equal(validateMessage(TOPICS.riskSummaries, summary).ok, true);
    // @ts-expect-error a quantity is a decimal string, never a number
    const numericQuantity: RiskSummaryV1 = { ...summary, adl: [{ ...summary.adl[0], quantity: -0.5 }] };
    assert.equal(validateMessage(TOPICS.riskSummaries, numericQuantity).ok, false);
  });
});
