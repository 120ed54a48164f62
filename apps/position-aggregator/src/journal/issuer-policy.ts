import { CommandIssuer, SigningKeys } from '@clearing/config';
import { LedgerCommandV1 } from '@clearing/contracts';
import { CanonicalText, signatureRefusalOf } from '@clearing/ledger';

/**
 * Who may say what (issue 11): the issuer whose signature a command needs, or undefined when any
 * upstream system may send it (a deposit, a withdrawal without a margin approval). Internal commands
 * come only from the service that owns them; reference data and the accounts the clearing house funds
 * itself (the insurance fund, the backstop) only from the operator path.
 */
export function requiredIssuerOf(
  command: LedgerCommandV1,
  backstopAccount: string,
): CommandIssuer | undefined {
  switch (command.type) {
    case 'FillLeg':
    case 'InstrumentExpiry':
    case 'InstrumentFunding':
    case 'ClockTick':
    case 'OptionExpirySettlement':
    case 'FundingSettlement':
      return 'position-aggregator';
    case 'LiquidationTransfer':
    case 'AutoDeleverage':
    case 'InsuranceFundDraw':
    case 'SocializeLoss':
      return 'deleveraging-engine';
    case 'RegisterInstrument':
    case 'RiskParamsChange':
    case 'OpenAccount':
    case 'SuspendAccount':
    case 'CloseAccount':
      return 'admin';
    case 'Deposit':
    case 'WithdrawalRequest':
      if (isOperatorFunded(command.account, backstopAccount)) return 'admin';
      return command.type === 'WithdrawalRequest' && command.marginApproval ? 'margin-calculator' : undefined;
  }
}

/**
 * Undefined when the command may be decided; else why its issuer cannot be verified (journaled).
 * `text`: the command's CanonicalText, when the caller already has it.
 */
export function issuerRefusalOf(
  command: LedgerCommandV1,
  keys: SigningKeys,
  backstopAccount: string,
  text?: CanonicalText,
): string | undefined {
  const issuer = requiredIssuerOf(command, backstopAccount);
  return issuer === undefined ? undefined : signatureRefusalOf(command, issuer, keys[issuer], text);
}

function isOperatorFunded(account: string, backstopAccount: string): boolean {
  return account === backstopAccount || /^INSURANCE-FUND-\d+$/.test(account);
}
