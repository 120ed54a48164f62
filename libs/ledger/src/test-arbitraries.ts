// fast-check generators shared by the ledger specs (test-only; not exported from the package).
import fc from 'fast-check';
import { Posting } from './posting';

export const accountArb = fc.constantFrom('A-1', 'B-2', 'C-3', 'CCP:0', 'CCP:1', 'insurance-fund');
export const assetArb = fc.constantFrom('USDC', 'BTC', 'ETH', 'BTC-PERP');
const nonZeroAmountArb = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).filter((x) => x !== 0n);

/** One asset moved between accounts: amounts that sum to zero, none of them zero. */
const balancedGroupArb = fc
  .tuple(
    assetArb,
    fc.array(fc.tuple(accountArb, nonZeroAmountArb), { minLength: 1, maxLength: 4 }),
    accountArb,
  )
  .filter(([, legs]) => legs.reduce((sum, [, amount]) => sum + amount, 0n) !== 0n)
  .map(([asset, legs, counterparty]): Posting[] => {
    const total = legs.reduce((sum, [, amount]) => sum + amount, 0n);
    return [
      ...legs.map(([account, amount]) => ({ account, asset, amount })),
      { account: counterparty, asset, amount: -total },
    ];
  });

/** Random balanced posting sets spanning one to three assets, in shuffled order. */
export const balancedPostingsArb = fc
  .array(balancedGroupArb, { minLength: 1, maxLength: 3 })
  .chain((groups) => fc.shuffledSubarray(groups.flat(), { minLength: groups.flat().length }));
