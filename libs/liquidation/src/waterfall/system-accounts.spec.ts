import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SystemAccount } from '@clearing/ledger';
import { AccountMargin } from '@clearing/risk';
import { isLiquidationCandidate, marginShortfallUsd } from './system-accounts';

const marginOf = (marginNlvUsd: number, mmUsd: number) =>
  ({ marginNlvUsd, required: { imUsd: mmUsd * 1.5, mmUsd } }) as unknown as AccountMargin;

describe("the clearinghouse's own accounts: never liquidated, their risk a solvency figure", () => {
  it('traders are candidates; the backstop, insurance funds, CCP, fee and external accounts are not', () => {
    assert.equal(isLiquidationCandidate('acct-alice', 'BACKSTOP'), true);
    // An account merely named like a system one (no shard number) is a trader's.
    assert.equal(isLiquidationCandidate('CCP-desk', 'BACKSTOP'), true);
    for (const account of [
      'BACKSTOP',
      SystemAccount.insuranceFund(0),
      SystemAccount.ccp(1),
      SystemAccount.fees(2),
      SystemAccount.external(3),
    ])
      assert.equal(isLiquidationCandidate(account, 'BACKSTOP'), false, account);
  });

  it('a configured backstop of another name is exempt, and BACKSTOP is then a trader like any other', () => {
    assert.equal(isLiquidationCandidate('LIQUIDATOR-1', 'LIQUIDATOR-1'), false);
    assert.equal(isLiquidationCandidate('BACKSTOP', 'LIQUIDATOR-1'), true);
  });

  it('given the backstop holds 2,000.10 of margin NLV against 5,500.35 of MM, then it is 3,500.25 short', () => {
    assert.equal(marginShortfallUsd(marginOf(2000.1, 5500.35)), 3500.25);
  });

  it('given it is covered, or bankrupt with nothing required, then the shortfall is 0 or the deficit', () => {
    assert.equal(marginShortfallUsd(marginOf(9000, 5500.35)), 0);
    assert.equal(marginShortfallUsd(marginOf(-120.5, 0)), 120.5);
  });
});
