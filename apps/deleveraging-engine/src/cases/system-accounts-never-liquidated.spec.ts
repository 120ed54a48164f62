import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountBook, SystemAccount } from '@clearing/ledger';
import { openCase } from '@clearing/liquidation';
import { AccountMargin } from '@clearing/risk';
import { CaseStepper } from './case-stepper';
import { StoredCase } from './case-store';

// Issue 12, defect 2: after taking positions over, the unfunded BACKSTOP fell below maintenance and the
// engine opened a case trading BACKSTOP against BACKSTOP, round after round. The clearinghouse's own
// accounts are never liquidation candidates: their risk is a solvency figure instead.

/** A margin below maintenance, as margin.v1 and the engine's own fold would both see it. */
const UNDER_MARGINED = {
  nlvUsd: -1200,
  marginNlvUsd: -1500,
  required: { imUsd: 3000, mmUsd: 2000 },
  health: { band: 'liquidatable' },
} as unknown as AccountMargin;

function stepperWith(opened: string[]): CaseStepper {
  const view = {
    accounts: { book: (account: string) => new AccountBook(account) },
    portfolioOf: (account: string) => ({ account, collateral: [], positions: [] }),
    marginOf: () => ({ margin: UNDER_MARGINED }),
  };
  const store = {
    open: (account: string, openedAt: string): Promise<StoredCase> => {
      opened.push(account);
      return Promise.resolve({ state: openCase(`${account}:1`, account), caseNumber: 1, openedAt });
    },
  };
  const output = { publish: () => Promise.resolve() };
  const metrics = { open: () => undefined };
  const settings = { backstopAccount: 'BACKSTOP' };
  const deps = [view, {}, {}, store, output, metrics, settings, {}, () => 1n];
  return new (CaseStepper as unknown as new (...args: unknown[]) => CaseStepper)(...deps);
}

describe('system accounts are never liquidation candidates (issue 12, defect 2)', () => {
  it('given the backstop took positions over and is below maintenance, when evaluated, then no case opens for it', async () => {
    const opened: string[] = [];
    const stepper = stepperWith(opened);
    assert.equal(await stepper.advance('BACKSTOP', true), false);
    assert.deepEqual(opened, []);
  });

  it('nor for an insurance fund, the CCP, the fee account or the outside world of any shard', async () => {
    const opened: string[] = [];
    const stepper = stepperWith(opened);
    for (const account of [
      SystemAccount.insuranceFund(0),
      SystemAccount.ccp(3),
      SystemAccount.fees(1),
      SystemAccount.external(2),
    ])
      assert.equal(await stepper.advance(account, true), false, account);
    assert.deepEqual(opened, []);
  });

  it('while a trader in the same state gets a case', async () => {
    const opened: string[] = [];
    assert.equal(await stepperWith(opened).advance('acct-alice', true), true);
    assert.deepEqual(opened, ['acct-alice']);
  });
});
