import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkV1 } from '@clearing/contracts';
import { InstrumentTerms, parseAmount, scaledDecimal, ShardLedger } from '@clearing/ledger';
import { ExactMarks } from './exact-marks';

// Issue 12, defect 1: the engine sent the per-contract mark of a 0.1 BTC option as a transfer price and
// the ledger applied the contract size again, so the account received a tenth of the options' value.

const usdc = (decimal: string): bigint => parseAmount(decimal, 6);

const BTC_CALL_100K: InstrumentTerms = {
  instrument: 'BTC-25DEC26-100000-C',
  kind: 'option',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 1,
  contractSize: scaledDecimal('0.1'),
  expiry: '2026-12-25T08:00:00Z',
  strike: usdc('100000'),
  optionType: 'call',
};

function markOf(instrument: string, markPrice: string): MarkV1 {
  return {
    schemaVersion: 1,
    kind: 'instrument',
    status: 'valid',
    asOf: '2026-12-06T01:00:00.000Z',
    instrument,
    instrumentKind: 'option',
    underlying: 'BTC',
    indexPrice: '95000',
    markPrice,
  } as MarkV1;
}

describe('an option liquidated at its mark is paid its value (issue 12, defect 1)', () => {
  const ledger = new ShardLedger(0, { maxEvents: 100 }, (asset) => (asset === 'USDC' ? 6 : 0));
  const marks = new ExactMarks();

  it('given an account long 0.9 BTC-25DEC26-100000-C (0.1 BTC each) with no cash', () => {
    ledger.handle({
      type: 'LiquidationTransfer',
      commandId: 'takeover-1',
      account: 'alice',
      occurredAt: '2026-12-06T00:00:00Z',
      caseId: 'case-0',
      instrument: BTC_CALL_100K.instrument,
      side: 'buy',
      quantity: 9n,
      price: 0n,
      counterpartyAccount: 'BACKSTOP',
      fee: 0n,
      terms: BTC_CALL_100K,
    });
    assert.equal(ledger.book('alice').balance('USDC'), 0n);
  });

  it('and the oracle marks it at 238.507975 USDC per contract', () => {
    marks.apply([markOf(BTC_CALL_100K.instrument, '238.507975')]);
  });

  it('when it is liquidated at the mark, then it receives 0.9 x 238.507975 = 214.657177 USDC, not 21.47', () => {
    const price = marks.priceOf(BTC_CALL_100K)!;
    const outcome = ledger.handle({
      type: 'LiquidationTransfer',
      commandId: 'liquidation-1',
      account: 'alice',
      occurredAt: '2026-12-06T01:00:01Z',
      caseId: 'case-1',
      instrument: BTC_CALL_100K.instrument,
      side: 'sell',
      quantity: 9n,
      price,
      counterpartyAccount: 'BACKSTOP',
      fee: 0n,
    });
    assert.equal(outcome.events[0].type, 'LiquidationExecuted');
    assert.equal(ledger.book('alice').balance('USDC'), usdc('214.657177'));
    assert.equal(ledger.book('alice').position(BTC_CALL_100K.instrument).quantity, 0n);
  });
});
