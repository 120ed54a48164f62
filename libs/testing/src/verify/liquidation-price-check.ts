import { scaledDecimal } from '@clearing/ledger';
import { CheckResult, checkResult } from './check-result';
import { JournalFold, TransferRecord } from './journal-fold';

/** Journal decimals have at most this many fraction digits (the largest asset scale), so compare there. */
const COMPARE_SCALE = 36;

const exact = (decimal: string): bigint => {
  const { minor, scale } = scaledDecimal(decimal);
  return minor * 10n ** BigInt(COMPARE_SCALE - scale);
};

/**
 * Every liquidation and ADL leg traded at a price between the mark and the bankruptcy price it was
 * decided with, both per underlying unit as the ledger's prices are (docs/contracts.md, Prices): the
 * journal carries the band with each leg, so the check is exact. A leg without a band (no bankruptcy
 * price: a delta hedge) must trade at the mark; one without a mark cannot be checked and is reported.
 */
export function checkLiquidationPrices(fold: JournalFold): CheckResult {
  return checkResult(
    'liquidation-prices',
    fold.transfers.flatMap((transfer) => {
      const problem = bandProblem(transfer);
      return problem === undefined
        ? []
        : [
            `${transfer.type} ${transfer.id} (case ${transfer.caseId}, ${transfer.account}, ${transfer.instrument}): ${problem}`,
          ];
    }),
  );
}

function bandProblem(transfer: TransferRecord): string | undefined {
  const { price, markPrice, bankruptcyPrice } = transfer;
  if (price === undefined || markPrice === undefined) return 'no price and mark journaled, cannot be checked';
  const ends = [exact(markPrice), exact(bankruptcyPrice ?? markPrice)];
  const [low, high] = ends[0] <= ends[1] ? ends : [ends[1], ends[0]];
  const at = exact(price);
  if (at >= low && at <= high) return undefined;
  return `price ${price} outside the band of mark ${markPrice} and bankruptcy ${bankruptcyPrice ?? markPrice}`;
}
