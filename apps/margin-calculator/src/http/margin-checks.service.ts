import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { AccountMarginV1, WhatIfRequest, WithdrawalRequestCommandV1 } from '@clearing/contracts';
import { JournalCodec, parseAmount } from '@clearing/ledger';
import {
  approveWithdrawal,
  CheckResult,
  InstrumentCatalog,
  MarginEngine,
  marginMessage,
  usdString,
  whatIfMargin,
} from '@clearing/margin-engine';
import { AccountMargin } from '@clearing/risk';
import { MARGIN_SETTINGS, MarginServiceSettings, OwnedAccounts } from '@clearing/margin-engine/service';
import { SystemMarginFeed } from '../marks/system-margin-feed';
import { MarginOutput } from '../output/margin-output';
import { WithdrawalRequestBody } from './request-schemas';
import { WithdrawalVerdict, WithdrawalVerdicts } from './withdrawal-verdicts';

export const INSTRUMENT_CATALOG = Symbol('INSTRUMENT_CATALOG');
/** How long a withdrawal at start-up waits for every instance's margin figures before a 503. */
const SYSTEM_MARGIN_WAIT_MS = 10_000;

/** The HTTP checks on the in-memory state: current margin, what-if, withdrawals. Answers in milliseconds. */
@Injectable()
export class MarginChecks {
  constructor(
    private readonly engine: MarginEngine,
    private readonly owned: OwnedAccounts,
    private readonly output: MarginOutput,
    private readonly verdicts: WithdrawalVerdicts,
    private readonly codec: JournalCodec,
    @Inject(INSTRUMENT_CATALOG) private readonly catalog: InstrumentCatalog,
    @Inject(MARGIN_SETTINGS) private readonly settings: MarginServiceSettings,
    private readonly systemMargin: SystemMarginFeed,
  ) {}

  current(account: string): AccountMarginV1 {
    this.assertOwned(account);
    const portfolio = this.engine.portfolioOf(account);
    if (portfolio === undefined) throw new NotFoundException(`no journal event for ${account} yet`);
    return this.figures(account, unwrap(this.engine.marginOf(portfolio)));
  }

  whatIf(account: string, request: WhatIfRequest): { before: AccountMarginV1; after: AccountMarginV1 } {
    this.assertOwned(account);
    const trades = request.trades.map((t) => ({
      ...t,
      quantity: Number(t.quantity),
      priceUsd: Number(t.priceUsd),
    }));
    const { before, after } = checked(whatIfMargin(this.engine, account, trades, this.catalog));
    return expressible(() => ({
      before: this.figures(account, { margin: before }),
      after: this.figures(account, { margin: after }),
    }));
  }

  /**
   * Free-collateral check, then the command to the ledger writer carrying the approval's sequence; waits for
   * the writer's verdict (booked, or refused as stale when a fill booked in between: the caller re-checks).
   */
  async withdraw(
    account: string,
    body: WithdrawalRequestBody,
  ): Promise<WithdrawalVerdict & { commandId: string }> {
    this.assertOwned(account);
    this.assertAmountFits(body.asset, body.amount);
    // Until every instance's figures are read, a bankrupt account elsewhere would not close the gate.
    if (!(await this.systemMargin.readWithin(SYSTEM_MARGIN_WAIT_MS)))
      throw new ServiceUnavailableException('withdrawals wait until margin.v1 has been read (starting)');
    const approval = checked(approveWithdrawal(this.engine, account, body.asset, Number(body.amount)));
    const command: WithdrawalRequestCommandV1 = {
      schemaVersion: 1,
      type: 'WithdrawalRequest',
      commandId: body.commandId,
      account,
      issuedAt: new Date().toISOString(),
      asset: body.asset,
      amount: body.amount,
      ...(body.attribution ? { attribution: body.attribution } : {}),
      marginApproval: {
        journalSequence: approval.journalSequence,
        approvedBy: 'margin-calculator',
        freeCollateralUsd: usdString(approval.freeCollateralAfterUsd),
      },
    };
    const verdict = this.verdicts.wait(body.commandId, this.settings.withdrawalVerdictTimeoutMs);
    await this.output.submitCommand(command, this.owned.partitionOf(account));
    return { ...(await verdict), commandId: body.commandId };
  }

  private figures(account: string, result: { margin: AccountMargin }): AccountMarginV1 {
    const book = this.engine.accounts.book(account);
    const stamp = {
      account,
      journalSequence: book?.sequence ?? 0,
      marksAsOf: this.engine.market.marksAsOf(),
      computedAt: new Date().toISOString(),
      cause: 'journal' as const,
    };
    return marginMessage(stamp, result.margin);
  }

  /** A known asset, and no more decimals than it has (the ledger would refuse the command otherwise). */
  private assertAmountFits(asset: string, amount: string): void {
    try {
      parseAmount(amount, this.codec.scaleOf(asset));
    } catch (error) {
      throw new BadRequestException(`cannot withdraw ${amount} ${asset}: ${(error as Error).message}`);
    }
  }

  private assertOwned(account: string): void {
    if (this.owned.owns(account)) return;
    const partition = this.owned.partitionOf(account);
    throw new HttpException(
      { message: `${account} is margined by the instance owning journal partition ${partition}`, partition },
      HttpStatus.MISDIRECTED,
    );
  }
}

function unwrap(result: ReturnType<MarginEngine['marginOf']>): { margin: AccountMargin } {
  if ('margin' in result) return result;
  throw new HttpException({ message: result.reason, missing: result.missing }, HttpStatus.CONFLICT);
}

/**
 * Hypothetical trades are the caller's numbers: figures too large for margin.v1's whole cents (a RangeError
 * of the wire format) are the request's fault, a 422, never a 500.
 */
function expressible<T>(figures: () => T): T {
  try {
    return figures();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new HttpException(
      { message: `the what-if figures cannot be expressed: ${error.message}` },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

function checked<T>(result: CheckResult<T>): T {
  if (result.ok) return result.value;
  const status = {
    unknown: HttpStatus.NOT_FOUND,
    unpriced: HttpStatus.CONFLICT,
    refused: HttpStatus.UNPROCESSABLE_ENTITY,
  };
  throw new HttpException({ message: result.reason, status: result.status }, status[result.status]);
}
