import { formatAmount } from '../amount';
import { maxTransferUnitsOf } from '../assets';
import { AccountBook } from './account-book';
import { BookCommand, ReferenceChange } from './commands';
import { DecideContext } from './event-builder';
import { riskParamRefusalOf } from './risk-param-ranges';
import { canonicalSize } from './shard-facts';
import { isBookkeepingAccount } from './system-accounts';
import { pow10 } from './terms';

/**
 * Domain limits no issuer may exceed, signed or not (issue 11): undefined when `command` is within
 * them, else the reason the writer journals. Checked after the command was found not to be a re-send,
 * so a duplicate stays a duplicate even when the state has moved since.
 */
export function limitRefusalOf(
  book: AccountBook,
  command: BookCommand,
  context: DecideContext,
): string | undefined {
  switch (command.type) {
    case 'Deposit':
    case 'WithdrawalRequest':
      return transferRefusalOf(book.account, command.asset, command.amount, context);
    case 'InsuranceFundDraw': {
      const fund = context.facts.insuranceFund(command.asset);
      if (command.amount <= fund) return undefined;
      const scale = context.scaleOf(command.asset);
      return `draw of ${formatAmount(command.amount, scale)} ${command.asset} exceeds the insurance fund's ${formatAmount(fund, scale)} ${command.asset}`;
    }
    case 'RegisterInstrument':
      return registrationRefusalOf(command, context);
    case 'RiskParamsChange':
      return riskParamRefusalOf(JSON.parse(String(command.details.params)) as Record<string, string>);
    default:
      return undefined;
  }
}

function transferRefusalOf(
  account: string,
  asset: string,
  amount: bigint,
  context: DecideContext,
): string | undefined {
  if (isBookkeepingAccount(account))
    return `system account ${account} moves only through its own command types, never a deposit or withdrawal`;
  const limit = maxTransferUnitsOf(asset);
  if (amount > limit * pow10(context.scaleOf(asset)))
    return `amount ${formatAmount(amount, context.scaleOf(asset))} ${asset} is above the limit of ${limit} ${asset}`;
  return undefined;
}

/** Scale, lot (the position scale) and contract size are fixed once registered: stored amounts depend on them. */
function registrationRefusalOf(command: ReferenceChange, context: DecideContext): string | undefined {
  const instrument = String(command.details.instrument);
  const known = context.facts.registration(instrument);
  if (known === undefined) return undefined;
  const asked = {
    kind: String(command.details.instrumentKind),
    settlementAsset: String(command.details.settlementAsset),
    positionScale: Number(command.details.positionScale),
    contractSize: canonicalSize(String(command.details.contractSize)),
  };
  for (const field of ['kind', 'settlementAsset', 'positionScale', 'contractSize'] as const)
    if (asked[field] !== known[field])
      return `${instrument} is registered with ${field} ${known[field]}; it cannot become ${asked[field]}`;
  return undefined;
}
