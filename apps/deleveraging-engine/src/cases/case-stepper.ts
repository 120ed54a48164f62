import { Inject, Injectable, Logger } from '@nestjs/common';
import { StepActionV1 } from '@clearing/contracts';
import { failpoint } from '@clearing/kafka';
import { parseAmount } from '@clearing/ledger';
import {
  CaseDecision,
  CaseInput,
  CaseStep,
  decideCase,
  InsuranceDraw,
  isLiquidationCandidate,
  SystemSummary,
} from '@clearing/liquidation';
import { OwnedAccounts } from '@clearing/margin-engine/service';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { DeleveragingMetrics } from '../deleveraging-metrics';
import { stepItemOf, WireScales } from '../output/command-wire';
import { LiquidationOutput, WIRE_SCALES } from '../output/liquidation-output';
import { AccountSnapshot, belowMaintenance, LOT_OF, LotOf, snapshotOf } from '../state/account-snapshot';
import { ExactMarks } from '../state/exact-marks';
import { LedgerView } from '../state/ledger-view';
import { SystemRiskView } from '../state/system-risk-view';
import { caseToJson } from './case-json';
import { caseClosed, caseOpened, caseStep, outcomeOf } from './case-messages';
import { fundAccountOf, nextInput } from './case-inputs';
import { CaseStore, IssuedStep, StoredCase } from './case-store';

/**
 * Moves one account's case by one transition: open it, confirm its pending step, or decide its next
 * input. Every change is written to Postgres BEFORE any command of a new step leaves, so a restart
 * finds the step pending and re-issues it with the same ids; a step is confirmed when the ledger has
 * decided each of its commands on the accounts this instance holds (their books' decidedSteps).
 */
@Injectable()
export class CaseStepper {
  private readonly logger = new Logger(CaseStepper.name);
  readonly open = new Map<string, StoredCase>();
  /** Insurance draws per fund account still inside the cap's window (event times of the decisions). */
  readonly draws = new Map<string, InsuranceDraw[]>();
  /** Per case account, the stale partitions its ADL last waited on (logged when it changes). */
  private readonly waitingOn = new Map<string, string>();

  constructor(
    private readonly view: LedgerView,
    private readonly marks: ExactMarks,
    private readonly owned: OwnedAccounts,
    private readonly store: CaseStore,
    private readonly output: LiquidationOutput,
    private readonly metrics: DeleveragingMetrics,
    @Inject(DELEVERAGING_SETTINGS) private readonly settings: DeleveragingSettings,
    @Inject(WIRE_SCALES) private readonly scales: WireScales,
    @Inject(LOT_OF) private readonly lotOf: LotOf,
    private readonly systemRisk: SystemRiskView,
  ) {}

  snapshot(account: string): AccountSnapshot | undefined {
    return snapshotOf(this.view, this.marks, this.lotOf, account);
  }

  /** Returns whether the case moved (the caller repeats until it does not). */
  async advance(account: string, watched: boolean): Promise<boolean> {
    const stored = this.open.get(account);
    const snapshot = this.snapshot(account);
    if (stored === undefined) return watched && snapshot !== undefined && this.openCase(account, snapshot);
    if (stored.state.pending !== undefined) return this.confirm(stored, stored.state.pending);
    if (snapshot === undefined) return false;
    const atMs = Date.now();
    const input = nextInput(stored, snapshot, this.inputContext(account, atMs));
    if (input === undefined) return false;
    return this.apply(stored, input, decideCase(stored.state, input), new Date(atMs).toISOString());
  }

  /** Sends every pending step again (same ids: the ledger books each once). */
  async reissuePending(): Promise<void> {
    for (const stored of this.open.values())
      if (stored.state.pending && this.owned.owns(stored.state.account))
        await this.output.issue(stored.state.account, stored.state.pending);
  }

  private async openCase(account: string, snapshot: AccountSnapshot): Promise<boolean> {
    if (!isLiquidationCandidate(account, this.settings.backstopAccount)) return false;
    if (!belowMaintenance(snapshot.margin)) return false;
    const stored = await this.store.open(account, new Date().toISOString());
    this.open.set(account, stored);
    this.metrics.open(this.open.size);
    this.metrics.opened();
    await this.output.publish([caseOpened(stored, snapshot)]);
    return true;
  }

  private async confirm(stored: StoredCase, pending: CaseStep): Promise<boolean> {
    if (!this.decided(pending)) return false;
    const next = { ...stored, state: decideCase(stored.state, { type: 'Booked', step: pending.step }).state };
    const at = new Date().toISOString();
    await this.store.save({ next, booked: { step: pending.step, at } });
    this.open.set(stored.state.account, next);
    const action = stored.lastAction ?? 'liquidation';
    const booked = this.issuedStep(pending, action, at);
    await this.output.publish([caseStep(next, booked, 'booked')]);
    this.metrics.step(action, 'booked');
    this.metrics.socialized(booked.commands);
    return true;
  }

  private decided(pending: CaseStep): boolean {
    return pending.commands.every(
      (c) =>
        !this.owned.owns(c.account) ||
        (this.view.accounts.book(c.account)?.decidedSteps.has(c.commandId) ?? false),
    );
  }

  private async apply(
    stored: StoredCase,
    input: CaseInput,
    decision: CaseDecision,
    at: string,
  ): Promise<boolean> {
    const { account } = stored.state;
    if (decision.state.phase === 'closed') {
      const outcome = outcomeOf(stored.state.phase);
      const next = { ...stored, state: decision.state };
      await this.store.save({ next, closed: { outcome, at } });
      this.open.delete(account);
      this.waitingOn.delete(account);
      this.metrics.open(this.open.size);
      this.metrics.closed(outcome);
      await this.output.publish([caseClosed(next, outcome, at)]);
      return true;
    }
    const pending = decision.state.pending;
    if (decision.commands.length === 0 || pending === undefined) {
      if (caseToJson(decision.state) === caseToJson(stored.state)) return false;
      const next = { ...stored, state: decision.state };
      await this.store.save({ next });
      this.open.set(account, next);
      this.logger.log(
        { caseId: next.state.caseId, input: input.type, phase: next.state.phase },
        'case moved',
      );
      return true;
    }
    return this.issue(stored, decision, pending, actionOf(input, decision), at);
  }

  private async issue(
    stored: StoredCase,
    decision: CaseDecision,
    pending: CaseStep,
    action: StepActionV1,
    at: string,
  ) {
    const next: StoredCase = { ...stored, state: decision.state, lastAction: action };
    const issued = this.issuedStep(pending, action, at);
    await this.store.save({ next, issued });
    this.open.set(stored.state.account, next);
    if (decision.fund) this.draws.set(this.fundOf(stored.state.account), [...decision.fund.draws]);
    this.logger.log(
      { caseId: next.state.caseId, step: pending.step, action, phase: next.state.phase },
      'step issued',
    );
    failpoint('deleveraging.step-recorded');
    await this.output.issue(stored.state.account, pending);
    failpoint('deleveraging.step-issued');
    await this.output.publish([caseStep(next, issued, 'issued')]);
    this.metrics.step(action, 'issued');
    return true;
  }

  private issuedStep(pending: CaseStep, action: StepActionV1, at: string): IssuedStep {
    const commands = pending.commands.map((c) => stepItemOf(c, this.scales));
    return { step: pending.step, action, commands, at };
  }

  private inputContext(account: string, atMs: number) {
    const fundAccount = this.fundOf(account);
    const asset = this.settings.settlementAsset;
    const scale = this.scales.scaleOf(asset);
    const caps = this.settings.fundCaps;
    const balance = this.view.fundBalance(fundAccount, asset) - this.pendingDraws(fundAccount);
    const draws = this.draws.get(fundAccount) ?? [];
    const lastMs = draws.length > 0 ? draws[draws.length - 1].atMs : 0;
    return {
      view: this.view,
      settings: this.settings,
      settlementScale: scale,
      // Event times of draws never go back, even if the wall clock does.
      atMs: Math.max(atMs, lastMs),
      fund: { balance: balance > 0n ? balance : 0n, draws },
      limits: {
        perEventCap: parseAmount(caps.perEvent, scale),
        perWindowCap: parseAmount(caps.perWindow, scale),
        windowMs: caps.windowMs,
      },
      system: () => this.systemFor(account, atMs),
    };
  }

  /**
   * The system view for an ADL: every other instance's summary taken after the case opened, so a
   * counterparty's position that existed at the bankruptcy is ranked (the scale proof caught an ADL on a
   * summary published before the best counterparty's fill). Says once per change when it must wait.
   */
  private systemFor(account: string, atMs: number): SystemSummary {
    const openedAt = this.open.get(account)?.openedAt;
    const system = this.systemRisk.system(atMs, openedAt === undefined ? undefined : Date.parse(openedAt));
    const stale = system.stalePartitions.join(',');
    if (stale !== (this.waitingOn.get(account) ?? '')) {
      if (stale !== '')
        this.logger.warn(
          { account, stalePartitions: system.stalePartitions },
          'ADL waits for every partition',
        );
      this.waitingOn.set(account, stale);
    }
    return system;
  }

  private fundOf(account: string): string {
    return fundAccountOf(account, this.settings.margin.partitionCount);
  }

  /** Draws issued on this fund that the ledger has not decided yet: already spoken for. */
  private pendingDraws(fundAccount: string): bigint {
    let total = 0n;
    for (const { state } of this.open.values())
      for (const c of state.pending?.commands ?? [])
        if (
          c.type === 'InsuranceFundDraw' &&
          this.fundOf(c.account) === fundAccount &&
          !this.view.accounts.book(c.account)?.decidedSteps.has(c.commandId)
        )
          total += c.amount;
    return total;
  }
}

function actionOf(input: CaseInput, decision: CaseDecision): StepActionV1 {
  if (input.type === 'CoverDeficit') return 'insurance-draw';
  if (input.type !== 'Deleverage') return 'liquidation';
  return decision.commands.some((c) => c.type === 'SocializeLoss') ? 'socialized-loss' : 'adl';
}
