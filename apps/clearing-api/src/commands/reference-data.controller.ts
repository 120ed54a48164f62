import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal } from '@clearing/access';
import { RegisterInstrumentCommandV1, RiskParamsChangeCommandV1 } from '@clearing/contracts';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { SchemaPipe } from '../http/schema-validation';
import { CommandIssuer, CommandReceipt } from './command-issuer';
import { REGISTER_INSTRUMENT_BODY, RISK_PARAMS_BODY } from './command-schemas';
import { IdempotencyKey } from './idempotency-key';
import { Write } from './write.decorator';

/** The account whose journal carries reference-data commands (REFERENCE_DATA_ACCOUNT, default risk-desk). */
export const REFERENCE_DATA_ACCOUNT = Symbol('REFERENCE_DATA_ACCOUNT');

type InstrumentTerms = Omit<RegisterInstrumentCommandV1, keyof EnvelopeFields>;
type RiskParams = Omit<RiskParamsChangeCommandV1, keyof EnvelopeFields>;
type EnvelopeFields = Pick<
  RegisterInstrumentCommandV1,
  | 'schemaVersion'
  | 'commandId'
  | 'type'
  | 'account'
  | 'issuedAt'
  | 'causationId'
  | 'signature'
  | 'attribution'
>;

/** What the system is: instruments and risk parameters, changed by admins only, through the journal. */
@ApiTags('commands')
@Allow('admin')
@Controller('v1')
export class ReferenceDataController {
  constructor(
    private readonly commands: CommandIssuer,
    @Inject(REFERENCE_DATA_ACCOUNT) private readonly account: string,
  ) {}

  @Post('instruments')
  @Write('Register an instrument (its position scale can never change afterwards)', REGISTER_INSTRUMENT_BODY)
  register(
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(REGISTER_INSTRUMENT_BODY, 'body')) terms: InstrumentTerms,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, {
      ...terms,
      type: 'RegisterInstrument',
      account: this.account,
    });
  }

  @Post('risk-parameters')
  @Write(
    'Change risk parameters of a scope; every margin calculator applies them in journal order',
    RISK_PARAMS_BODY,
  )
  changeRiskParams(
    @IdempotencyKey() commandId: string,
    @Body(new SchemaPipe(RISK_PARAMS_BODY, 'body')) change: RiskParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommandReceipt> {
    return this.commands.issue(commandId, principal, {
      ...change,
      type: 'RiskParamsChange',
      account: this.account,
    });
  }
}
