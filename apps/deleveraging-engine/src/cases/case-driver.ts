import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { HealthBandV1 } from '@clearing/contracts';
import { parseAmount } from '@clearing/ledger';
import { OwnedAccounts } from '@clearing/margin-engine/service';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { WIRE_SCALES } from '../output/liquidation-output';
import { WireScales } from '../output/command-wire';
import { fundAccountOf } from './case-inputs';
import { CaseStepper } from './case-stepper';
import { CaseStore } from './case-store';

/** Transitions one account may take in a row before the next account gets its turn. */
const MAX_TRANSITIONS = 8;

/** Between tries of a failed load of the open cases. */
const LOAD_RETRY_MS = 1_000;

/**
 * Runs every case decision one at a time (one chain per instance: no two decisions race over the same
 * account or fund). Starts once the owned journal is restored and the marks caught up: loads the open
 * cases, re-issues their pending steps, then evaluates on every journal batch, mark batch, margin.v1
 * trigger and tick (throttle cooldowns), and re-issues pending steps until the ledger decides them.
 */
@Injectable()
export class CaseDriver implements OnApplicationShutdown {
  private readonly logger = new Logger(CaseDriver.name);
  /** Accounts margin.v1 last called liquidatable or bankrupt: a case opens if our own margin agrees. */
  private readonly watched = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private restored = false;
  private marksCaughtUp = false;
  private started = false;
  private evaluationQueued = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly stepper: CaseStepper,
    private readonly store: CaseStore,
    owned: OwnedAccounts,
    @Inject(DELEVERAGING_SETTINGS) private readonly settings: DeleveragingSettings,
    @Inject(WIRE_SCALES) private readonly scales: WireScales,
  ) {
    this.owns = (account) => owned.owns(account);
    owned.onRestored(() => {
      this.restored = true;
      this.loadUntilDone();
    });
  }

  private readonly owns: (account: string) => boolean;

  isStarted(): boolean {
    return this.started;
  }

  onMarksCaughtUp(): void {
    this.marksCaughtUp = true;
    this.loadUntilDone();
  }

  /**
   * margin.v1: an account is watched while its band is below maintenance. Kept for every account, not
   * only owned ones: the feed replays the topic at start, before the journal partitions are assigned.
   */
  onMargin(account: string, band: HealthBandV1 | undefined): void {
    if (band === 'liquidatable' || band === 'bankrupt') this.watched.add(account);
    else this.watched.delete(account);
    this.kick();
  }

  /** Asks for an evaluation of every watched account and open case; kicks while one waits coalesce. */
  kick(): void {
    if (!this.started || this.evaluationQueued) return;
    this.evaluationQueued = true;
    this.enqueue(() => {
      this.evaluationQueued = false;
      return this.evaluateAll();
    });
  }

  onApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    return this.chain;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain
      .then(task)
      .catch((error: Error) =>
        this.logger.error({ error: error.message, stack: error.stack }, 'case decision failed'),
      );
  }

  /**
   * Loads until it succeeds: a load that fails (Postgres restarting at that moment) was never tried again,
   * so the engine stayed unready for good (a chaos run: "cases-loaded" false for minutes).
   */
  private loadUntilDone(): void {
    this.enqueue(() =>
      this.load().catch((error: Error) => {
        this.logger.warn(
          { error: error.message },
          `loading open cases failed: retrying in ${LOAD_RETRY_MS} ms`,
        );
        this.timers.push(setTimeout(() => this.loadUntilDone(), LOAD_RETRY_MS));
      }),
    );
  }

  /** (Re)loads the owned open cases and the fund draws, then re-issues every pending step. */
  private async load(): Promise<void> {
    if (!this.restored || !this.marksCaughtUp) return;
    const cases = (await this.store.loadOpen()).filter((c) => this.owns(c.state.account));
    this.stepper.open.clear();
    for (const stored of cases) this.stepper.open.set(stored.state.account, stored);
    await this.loadDraws();
    await this.stepper.reissuePending();
    this.logger.log({ open: cases.length }, 'open cases loaded, pending steps re-issued');
    if (!this.started) this.startTimers();
    this.started = true;
    await this.evaluateAll();
  }

  private async loadDraws(): Promise<void> {
    this.stepper.draws.clear();
    const scale = this.scales.scaleOf(this.settings.settlementAsset);
    for (const { account, at, commands } of await this.store.loadDraws()) {
      const fund = fundAccountOf(account, this.settings.margin.partitionCount);
      const draws = this.stepper.draws.get(fund) ?? [];
      for (const c of commands.filter((c) => c.type === 'InsuranceFundDraw'))
        draws.push({ atMs: Date.parse(at), amount: parseAmount(c.amount, scale) });
      this.stepper.draws.set(fund, draws);
    }
  }

  private startTimers(): void {
    this.timers.push(
      setInterval(() => this.kick(), this.settings.tickMs),
      setInterval(() => this.enqueue(() => this.stepper.reissuePending()), this.settings.reissueMs),
    );
  }

  private async evaluateAll(): Promise<void> {
    const accounts = new Set([...this.watched, ...this.stepper.open.keys()]);
    for (const account of accounts) {
      if (!this.owns(account)) continue;
      for (let i = 0; i < MAX_TRANSITIONS; i++)
        if (!(await this.stepper.advance(account, this.watched.has(account)))) break;
    }
  }
}
