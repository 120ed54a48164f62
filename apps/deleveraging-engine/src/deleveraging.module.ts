import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { CLEARING_CONFIG } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { InstrumentTerms, JournalCodec, parseAmount } from '@clearing/ledger';
import { marginConfigFor, MarginEngine } from '@clearing/margin-engine';
import { ClearingMetrics } from '@clearing/observability';
import { loadOracleConfig, OracleConfig } from '@clearing/valuation';
import { MARGIN_SETTINGS, OwnedAccounts } from '@clearing/margin-engine/service';
import { termsOf } from '@clearing/contracts';
import { RegisteredInstruments } from '@clearing/persistence';
import { CaseDriver } from './cases/case-driver';
import { CaseStepper } from './cases/case-stepper';
import { CaseStore } from './cases/case-store';
import {
  DELEVERAGING_SETTINGS,
  DeleveragingSettings,
  deleveragingSettingsFromEnv,
} from './deleveraging.settings';
import { DeleveragingMetrics } from './deleveraging-metrics';
import { MarketFeeds } from './feeds/market-feeds';
import { JournalHandler } from './journal/journal-handler';
import { WireScales } from './output/command-wire';
import { LiquidationOutput, WIRE_SCALES } from './output/liquidation-output';
import { SolvencyMonitor } from './solvency/solvency-monitor';
import { SummaryPublisher } from './solvency/summary-publisher';
import { LOT_OF, LotOf, snapshotOf } from './state/account-snapshot';
import { ExactMarks } from './state/exact-marks';
import { LedgerView } from './state/ledger-view';
import { SystemRiskView } from './state/system-risk-view';

const ORACLE_CONFIG = Symbol('ORACLE_CONFIG');

/**
 * The engine's state (the margin calculator's fold of the owned journal and the marks, plus insurance
 * funds), its inputs (journal loop, marks and margin feeds), the case driver and its outputs. It margins
 * with the margin calculator's own settings, config and journal restore (OwnedAccounts), so the two
 * services cannot disagree about an account.
 */
@Module({})
export class DeleveragingModule {
  static forRoot(): DynamicModule {
    return {
      module: DeleveragingModule,
      controllers: [JournalHandler],
      providers: [
        { provide: DELEVERAGING_SETTINGS, useFactory: () => deleveragingSettingsFromEnv() },
        {
          provide: MARGIN_SETTINGS,
          inject: [DELEVERAGING_SETTINGS],
          useFactory: (s: DeleveragingSettings) => s.margin,
        },
        { provide: ORACLE_CONFIG, useFactory: () => loadOracleConfig() },
        { provide: JournalCodec, useFactory: () => new JournalCodec() },
        {
          provide: LedgerView,
          inject: [ORACLE_CONFIG, DELEVERAGING_SETTINGS, JournalCodec],
          useFactory: (oracle: OracleConfig, settings: DeleveragingSettings, codec: JournalCodec) =>
            new LedgerView({ ...settings.margin, config: marginConfigFor(oracle), scaleOf: codec.scaleOf }),
        },
        { provide: MarginEngine, useExisting: LedgerView },
        RegisteredInstruments,
        { provide: LOT_OF, inject: [RegisteredInstruments], useFactory: lotsOf },
        {
          provide: WIRE_SCALES,
          inject: [JournalCodec, DELEVERAGING_SETTINGS, RegisteredInstruments],
          useFactory: (
            codec: JournalCodec,
            settings: DeleveragingSettings,
            registered: RegisteredInstruments,
          ): WireScales => ({
            scaleOf: codec.scaleOf,
            settlementAsset: settings.settlementAsset,
            termsOf: termsCatalog(codec, registered),
          }),
        },
        {
          provide: Kafka,
          inject: [CLEARING_CONFIG],
          useFactory: kafkaFromConfig,
        },
        {
          provide: DeleveragingMetrics,
          inject: [ClearingMetrics],
          useFactory: (metrics: ClearingMetrics) => new DeleveragingMetrics(metrics),
        },
        {
          provide: SystemRiskView,
          inject: [LedgerView, ExactMarks, LOT_OF, OwnedAccounts, DELEVERAGING_SETTINGS],
          useFactory: systemRiskView,
        },
        ExactMarks,
        OwnedAccounts,
        CaseStore,
        LiquidationOutput,
        CaseStepper,
        CaseDriver,
        MarketFeeds,
        SolvencyMonitor,
        SummaryPublisher,
      ],
      exports: [Kafka, OwnedAccounts, DELEVERAGING_SETTINGS, MarketFeeds, CaseDriver],
    };
  }
}

/** The lot of each instrument of the catalog (registered ones too), else one minor unit of the position scale. */
function lotsOf(registered: RegisteredInstruments): LotOf {
  const lots = registered.follow((definitions) => new Map(definitions.map((d) => [d.symbol, d.lotSize])));
  return (terms: InstrumentTerms) => {
    const lotSize = lots().get(terms.instrument);
    return lotSize !== undefined ? parseAmount(lotSize, terms.positionScale) : 1n;
  };
}

/** The terms snapshot of every instrument of the catalog, as the aggregator's intake puts it on fill legs. */
function termsCatalog(codec: JournalCodec, registered: RegisteredInstruments): WireScales['termsOf'] {
  const terms = registered.follow(
    (definitions) => new Map(definitions.map((d) => [d.symbol, termsOf(d, codec.assets)])),
  );
  return (instrument) => terms().get(instrument);
}

/** Own partitions from this instance's snapshots, the others from risk.summaries.v1. */
function systemRiskView(
  view: LedgerView,
  marks: ExactMarks,
  lotOf: LotOf,
  owned: OwnedAccounts,
  settings: DeleveragingSettings,
): SystemRiskView {
  return new SystemRiskView(view, {
    partitionCount: settings.margin.partitionCount,
    adlDepth: settings.summaries.adlDepth,
    maxAgeMs: settings.summaries.maxAgeMs,
    served: () => owned.servedPartitions(),
    snapshot: (account) => snapshotOf(view, marks, lotOf, account),
  });
}
