import fc from 'fast-check';
import { CommandIssuer, signingKeyFromEnv } from '@clearing/config';
import { signCommand } from '@clearing/ledger';
import { perpetualRegistration } from '../messages-of-engine';
import { Poison } from './poison';

/** A ledger command as any client can publish it (plain JSON). */
export type WireCommand = Record<string, unknown> & { commandId: string; account: string };

/** A key nobody in the clearing system holds: what an attacker who guessed the format would sign with. */
const FORGED_KEY = 'not-the-issuers-key';
const realKeyOf = (issuer: CommandIssuer) => signingKeyFromEnv(process.env, issuer);

const perpetualTerms = {
  instrument: 'BTC-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  positionScale: 4,
  contractSize: '1',
};

/** Privileged command bodies, each on the envelope (id, account, time) of a valid command. */
const PRIVILEGED: Record<string, (envelope: WireCommand) => WireCommand> = {
  FillLeg: (e) => ({
    ...e,
    type: 'FillLeg',
    fillId: `forged-${e.commandId}`,
    side: 'buy',
    counterpartyAccount: 'hostile-seller',
    terms: perpetualTerms,
    price: '60000',
    quantity: '0.1',
    fee: '0',
    feeAsset: 'USDC',
    venue: 'venue-h',
    venueSequence: 1,
    fillHash: 'ab'.repeat(32),
  }),
  InsuranceFundDraw: (e) => ({
    ...e,
    type: 'InsuranceFundDraw',
    caseId: 'case-x',
    asset: 'USDC',
    amount: '1000',
  }),
  // Would write an account's debt off into the loss pool every holder's withdrawals then pay for.
  SocializeLoss: (e) => ({
    ...e,
    type: 'SocializeLoss',
    caseId: 'case-x',
    asset: 'USDC',
    amount: '1000',
  }),
  RegisterInstrument: (e) => ({ ...e, ...perpetualRegistration('HOSTILE-PERP') }),
  RiskParamsChange: (e) => ({
    ...e,
    type: 'RiskParamsChange',
    scope: 'underlying',
    target: 'BTC',
    params: { imFactor: '0.01' },
  }),
  LiquidationTransfer: (e) => ({
    ...e,
    type: 'LiquidationTransfer',
    liquidationId: `liq-${e.commandId}`,
    instrument: 'BTC-PERP',
    side: 'buy',
    quantity: '1',
    price: '1',
    toAccount: 'hostile-seller',
  }),
  SelfApprovedWithdrawal: (e) => ({
    ...e,
    type: 'WithdrawalRequest',
    asset: 'USDC',
    amount: '50',
    marginApproval: { journalSequence: 0, approvedBy: 'margin-calculator', freeCollateralUsd: '1000000' },
  }),
};

/** The issuer each privileged body needs (docs/contracts.md, "Who may issue what"). */
const ISSUER: Record<string, CommandIssuer> = {
  FillLeg: 'position-aggregator',
  InsuranceFundDraw: 'deleveraging-engine',
  SocializeLoss: 'deleveraging-engine',
  RegisterInstrument: 'admin',
  RiskParamsChange: 'admin',
  LiquidationTransfer: 'deleveraging-engine',
  SelfApprovedWithdrawal: 'margin-calculator',
};

/**
 * Privileged commands from someone who is not their issuer: unsigned, signed in the issuer's name with a
 * key it does not hold, or signed (validly) by the admin for a command only a service may issue.
 */
export const forgedCommand: fc.Arbitrary<(valid: WireCommand) => Poison<WireCommand>> = fc
  .tuple(
    fc.constantFrom(...Object.keys(PRIVILEGED)),
    fc.constantFrom('unsigned', 'forged-key', 'wrong-issuer'),
  )
  .map(([name, how]) => (valid: WireCommand) => {
    const body = PRIVILEGED[name](envelopeOf(valid));
    const issuer = ISSUER[name];
    // A real key of the wrong service: every issuer key vouches only for its own name.
    const otherIssuer: CommandIssuer = issuer === 'admin' ? 'position-aggregator' : 'admin';
    const value =
      how === 'unsigned'
        ? body
        : how === 'forged-key'
          ? signCommand(body, issuer, FORGED_KEY)
          : signCommand(body, otherIssuer, realKeyOf(otherIssuer));
    return { label: `forged-${name}-${how}`, value };
  });

/** Limits no issuer may pass: signed with the issuer's real key, still refused (docs/contracts.md, Domain limits). */
export const adminOverreach: fc.Arbitrary<(valid: WireCommand) => Poison<WireCommand>> = fc
  .constantFrom(
    [
      'register-rescales-btc-perp',
      { ...PRIVILEGED.RegisterInstrument({} as WireCommand), instrument: 'BTC-PERP', positionScale: 2 },
    ],
    [
      'risk-im-factor-negative',
      { type: 'RiskParamsChange', scope: 'underlying', target: 'BTC', params: { imFactor: '-1' } },
    ],
    ['fund-draw-beyond-fund', { type: 'InsuranceFundDraw', caseId: 'case-y', asset: 'USDC', amount: '1' }],
  )
  .map(([label, body]) => (valid: WireCommand) => {
    const command = { ...envelopeOf(valid), ...body } as WireCommand;
    const issuer: CommandIssuer = command.type === 'InsuranceFundDraw' ? 'deleveraging-engine' : 'admin';
    return { label, value: signCommand(command, issuer, realKeyOf(issuer)) };
  });

function envelopeOf(valid: WireCommand): WireCommand {
  const { schemaVersion, commandId, account, issuedAt } = valid;
  return { schemaVersion, commandId, account, issuedAt } as WireCommand;
}
