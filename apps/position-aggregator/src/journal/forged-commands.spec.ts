import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaMessage } from 'kafkajs';
import { CommandIssuer, devSigningKey } from '@clearing/config';
import { LedgerCommandV1, TOPICS } from '@clearing/contracts';
import { JournalEventWire, signCommand } from '@clearing/ledger';
import { aggregatorSettingsFromEnv } from '../aggregator.settings';
import { writerOnEmptyJournal } from './writer-on-empty-journal';

// Issue 11, finding 2: commands published straight to ledger.commands.v1 by someone who is not their
// issuer, or asking for what no issuer may ask. One partition, so every account (system ones too) is here.
const settings = { ...aggregatorSettingsFromEnv({}), partitionCount: 1 };
const envelope = (commandId: string, account: string) => ({
  schemaVersion: 1 as const,
  commandId,
  account,
  issuedAt: '2026-03-14T09:30:00Z',
});
const signed = <T extends LedgerCommandV1>(command: T, issuer: CommandIssuer): T =>
  signCommand(command, issuer, devSigningKey(issuer));
const deposit = (id: string, account: string, amount: string): LedgerCommandV1 => ({
  ...envelope(id, account),
  type: 'Deposit',
  asset: 'USDC',
  amount,
});
const fillLeg = (id: string): LedgerCommandV1 => ({
  ...envelope(id, 'alice'),
  type: 'FillLeg',
  fillId: id,
  side: 'buy',
  counterpartyAccount: 'bob',
  terms: {
    instrument: 'BTC-PERP',
    kind: 'perpetual',
    settlementAsset: 'USDC',
    positionScale: 4,
    contractSize: '1',
  },
  price: '60000',
  quantity: '0.1',
  fee: '1',
  feeAsset: 'USDC',
  venue: 'venue-a',
  venueSequence: 1,
  fillHash: 'ab'.repeat(32),
});
const withdrawal = (id: string, journalSequence: number): LedgerCommandV1 => ({
  ...envelope(id, 'alice'),
  type: 'WithdrawalRequest',
  asset: 'USDC',
  amount: '900',
  marginApproval: { journalSequence, approvedBy: 'margin-calculator', freeCollateralUsd: '0' },
});
const draw = (id: string, amount: string): LedgerCommandV1 => ({
  ...envelope(id, 'alice'),
  type: 'InsuranceFundDraw',
  caseId: 'case-alice-1',
  asset: 'USDC',
  amount,
});
const socializeLoss = (id: string, account: string, amount: string): LedgerCommandV1 => ({
  ...envelope(id, account),
  type: 'SocializeLoss',
  caseId: `case-${account}-1`,
  asset: 'USDC',
  amount,
});
const registerBtcPerp = (id: string, positionScale: number): LedgerCommandV1 => ({
  ...envelope(id, 'ops'),
  type: 'RegisterInstrument',
  instrument: 'BTC-PERP',
  instrumentKind: 'perpetual',
  underlying: 'BTC',
  quoteAsset: 'USD',
  settlementAsset: 'USDC',
  positionScale,
  contractSize: '1',
});
const riskChange = (id: string, imFactor: string): LedgerCommandV1 => ({
  ...envelope(id, 'ops'),
  type: 'RiskParamsChange',
  scope: 'underlying',
  target: 'BTC',
  params: { imFactor },
});

/** Runs commands through a writer on an empty journal; returns each command's journal event by command id. */
async function journalOf(commands: LedgerCommandV1[]): Promise<Map<string, JournalEventWire>> {
  const writer = writerOnEmptyJournal(settings);
  const messages = commands.map((value, offset) => ({
    topic: TOPICS.ledgerCommands,
    partition: 0,
    offset: String(offset),
    key: Buffer.from(value.account),
    headers: {},
    timestampMs: 0,
    value,
    raw: {} as KafkaMessage,
  }));
  const batch = { topic: TOPICS.ledgerCommands, partition: 0, messages, heartbeat: async () => undefined };
  const { outputs } = await writer.onCommands(batch);
  const events = outputs
    .filter((m) => m.topic === TOPICS.ledgerJournal)
    .map((m) => JSON.parse(String(m.value)) as JournalEventWire);
  return new Map(events.map((e) => [e.causationId!, e]));
}

function assertRefused(journal: Map<string, JournalEventWire>, commandId: string, reason: RegExp): void {
  const event = journal.get(commandId);
  assert.ok(event, `${commandId} was journaled`);
  assert.match(event.type, /Rejected$/, `${commandId} was refused, not ${event.type}`);
  assert.match(String(event.payload.reason), reason);
}

describe('the journal writer trusts no command it cannot attribute to its issuer (finding 2)', () => {
  it('given alice with a position, when a withdrawal carries a self-made margin approval, then it is refused; the calculator’s own is booked', async () => {
    const journal = await journalOf([
      deposit('dep-alice', 'alice', '1000'),
      signed(fillLeg('fill-1'), 'position-aggregator'),
      withdrawal('wd-forged', 2),
      signed(withdrawal('wd-approved', 3), 'margin-calculator'),
    ]);
    assertRefused(journal, 'wd-forged', /must be signed by margin-calculator/);
    assert.equal(journal.get('wd-approved')?.type, 'WithdrawalApproved');
  });

  it('given a fill leg from outside the intake, then nothing is booked', async () => {
    const journal = await journalOf([fillLeg('fill-forged'), signed(fillLeg('fill-forged-2'), 'admin')]);
    assertRefused(journal, 'fill-forged', /FillLeg must be signed by position-aggregator/);
    assertRefused(journal, 'fill-forged-2', /not admin/);
  });

  it('given a fund of 500 USDC, when the engine draws 501, then it is refused; unsigned draws are refused; 500 is booked', async () => {
    const journal = await journalOf([
      signed(deposit('fund-seed', 'INSURANCE-FUND-0', '500'), 'admin'),
      draw('draw-forged', '10'),
      signed(draw('draw-too-much', '501'), 'deleveraging-engine'),
      signed(draw('draw-all', '500'), 'deleveraging-engine'),
    ]);
    assert.equal(journal.get('fund-seed')?.type, 'CollateralDeposited');
    assertRefused(journal, 'draw-forged', /must be signed by deleveraging-engine/);
    assertRefused(journal, 'draw-too-much', /exceeds the insurance fund's 500 USDC/);
    assert.equal(journal.get('draw-all')?.type, 'InsuranceFundDrawn');
  });

  it('given alice owing 1 USDC (a fee), when the engine socializes 5, then only her 1 USDC debt is written off; unsigned or debt-free, refused', async () => {
    const journal = await journalOf([
      signed(fillLeg('fill-1'), 'position-aggregator'),
      socializeLoss('loss-forged', 'alice', '1'),
      signed(socializeLoss('loss-1', 'alice', '5'), 'deleveraging-engine'),
      signed(socializeLoss('loss-2', 'alice', '5'), 'deleveraging-engine'),
    ]);
    assertRefused(journal, 'loss-forged', /must be signed by deleveraging-engine/);
    const written = journal.get('loss-1');
    assert.equal(written?.type, 'LossSocialized');
    assert.equal(written?.payload.amount, '1');
    assert.deepEqual(
      written?.postings.map((p) => [p.account, p.amount]),
      [
        ['SOCIALIZED-LOSS-0', '-1'],
        ['alice', '1'],
      ],
    );
    assertRefused(journal, 'loss-2', /alice owes no USDC to socialize/);
  });

  it('given BTC-PERP registered with lot 0.0001, when a registration changes its scale, then it is refused', async () => {
    const journal = await journalOf([
      registerBtcPerp('reg-unsigned', 4),
      signed(registerBtcPerp('reg-rescale', 2), 'admin'),
      signed(registerBtcPerp('reg-same', 4), 'admin'),
    ]);
    assertRefused(journal, 'reg-unsigned', /must be signed by admin/);
    assertRefused(journal, 'reg-rescale', /BTC-PERP is registered with positionScale 4; it cannot become 2/);
    assert.equal(journal.get('reg-same')?.type, 'InstrumentRegistered');
  });

  it('given a risk change with imFactor -1, then it is refused; imFactor 1.2 is applied', async () => {
    const journal = await journalOf([
      signed(riskChange('risk-negative', '-1'), 'admin'),
      signed(riskChange('risk-fine', '1.2'), 'admin'),
      riskChange('risk-unsigned', '1.2'),
    ]);
    assertRefused(journal, 'risk-negative', /imFactor -1 is outside \[/);
    assert.equal(journal.get('risk-fine')?.type, 'RiskParamsChanged');
    assertRefused(journal, 'risk-unsigned', /must be signed by admin/);
  });

  it('given deposits of 10^64 - 1 USDC and into the CCP, EXTERNAL and the fund, then each is refused', async () => {
    const journal = await journalOf([
      deposit('dep-huge', 'alice', '9'.repeat(64)),
      deposit('dep-ccp', 'CCP-0', '100'),
      deposit('dep-external', 'EXTERNAL-0', '100'),
      signed(deposit('dep-fees', 'FEES-0', '100'), 'admin'),
      deposit('dep-fund', 'INSURANCE-FUND-0', '100'),
      deposit('dep-backstop', 'BACKSTOP', '100'),
    ]);
    assertRefused(journal, 'dep-huge', /above the limit of 10000000000 USDC/);
    assertRefused(journal, 'dep-ccp', /system account CCP-0/);
    assertRefused(journal, 'dep-external', /system account EXTERNAL-0/);
    assertRefused(journal, 'dep-fees', /system account FEES-0/);
    assertRefused(journal, 'dep-fund', /must be signed by admin/);
    assertRefused(journal, 'dep-backstop', /must be signed by admin/);
  });
});

describe('onboarding is an operator command: only admin may open, suspend or close (issue 13)', () => {
  it('given account lifecycle commands nobody signed, then each is refused with who asked journaled; the admin-signed one opens', async () => {
    const attribution = { principal: 'mallory', at: '2026-03-14T09:30:00Z', via: 'api' } as const;
    const open = (id: string): LedgerCommandV1 => ({
      ...envelope(id, 'alice'),
      type: 'OpenAccount',
      attribution,
    });
    const journal = await journalOf([
      open('open-unsigned'),
      { ...envelope('suspend-unsigned', 'alice'), type: 'SuspendAccount', reason: 'x' },
      { ...envelope('close-unsigned', 'alice'), type: 'CloseAccount' },
      signed(open('open-signed'), 'admin'),
    ]);
    assertRefused(journal, 'open-unsigned', /OpenAccount must be signed by admin/);
    assert.deepEqual(journal.get('open-unsigned')?.payload.attribution, attribution);
    assertRefused(journal, 'suspend-unsigned', /SuspendAccount must be signed by admin/);
    assertRefused(journal, 'close-unsigned', /CloseAccount must be signed by admin/);
    assert.equal(journal.get('open-signed')?.type, 'AccountOpened');
  });
});
