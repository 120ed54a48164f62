import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import {
  CLEARING_CONFIG,
  SERVICE_CREDENTIAL,
  serviceCredentialFromEnv,
  signingKeyFromEnv,
} from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { InstrumentCatalog, marginConfigFor, MarginEngine } from '@clearing/margin-engine';
import { ClearingMetrics } from '@clearing/observability';
import { RegisteredInstruments } from '@clearing/persistence';
import { loadOracleConfig, OracleConfig, oracleConfigFor } from '@clearing/valuation';
import {
  MARGIN_SETTINGS,
  MarginServiceSettings,
  marginSettingsFromEnv,
  OwnedAccounts,
} from '@clearing/margin-engine/service';
import { RiskParamsPoller } from './engine/risk-params-poller';
import { MarginChecks, INSTRUMENT_CATALOG } from './http/margin-checks.service';
import { MarginController } from './http/margin.controller';
import { WithdrawalVerdicts } from './http/withdrawal-verdicts';
import { JournalMarginHandler } from './journal/journal-margin.handler';
import { MarginMetrics } from './margin-metrics';
import { MarketFeed } from './marks/market-feed';
import { SystemMarginFeed } from './marks/system-margin-feed';
import { InstanceAdvertiser } from './routing/instance-advertiser';
import { MARGIN_SIGNING_KEY, MarginOutput } from './output/margin-output';

const ORACLE_CONFIG = Symbol('ORACLE_CONFIG');

export interface MarginModuleOptions {
  /** Tests pass their own; otherwise from the environment. */
  readonly settings?: MarginServiceSettings;
}

/** The calculator's engine, its two inputs (journal loop, marks feed), outputs and HTTP checks. */
@Module({})
export class MarginModule {
  static forRoot(options: MarginModuleOptions = {}): DynamicModule {
    return {
      module: MarginModule,
      controllers: [JournalMarginHandler, MarginController],
      providers: [
        { provide: MARGIN_SETTINGS, useFactory: () => options.settings ?? marginSettingsFromEnv() },
        { provide: ORACLE_CONFIG, useFactory: () => loadOracleConfig() },
        {
          provide: MARGIN_SIGNING_KEY,
          useFactory: () => signingKeyFromEnv(process.env, 'margin-calculator'),
        },
        { provide: SERVICE_CREDENTIAL, useFactory: () => serviceCredentialFromEnv(process.env) },
        { provide: JournalCodec, useFactory: () => new JournalCodec() },
        {
          provide: MarginEngine,
          inject: [ORACLE_CONFIG, MARGIN_SETTINGS, JournalCodec],
          useFactory: (oracle: OracleConfig, settings: MarginServiceSettings, codec: JournalCodec) =>
            new MarginEngine({ ...settings, config: marginConfigFor(oracle), scaleOf: codec.scaleOf }),
        },
        RegisteredInstruments,
        { provide: INSTRUMENT_CATALOG, inject: [RegisteredInstruments], useFactory: catalogOf },
        {
          provide: Kafka,
          inject: [CLEARING_CONFIG],
          useFactory: kafkaFromConfig,
        },
        {
          provide: MarginMetrics,
          inject: [ClearingMetrics, MarginEngine],
          useFactory: (metrics: ClearingMetrics, engine: MarginEngine) => new MarginMetrics(metrics, engine),
        },
        OwnedAccounts,
        MarginOutput,
        MarketFeed,
        SystemMarginFeed,
        WithdrawalVerdicts,
        MarginChecks,
        RiskParamsPoller,
        InstanceAdvertiser,
      ],
      exports: [Kafka, OwnedAccounts, MARGIN_SETTINGS, MarketFeed],
    };
  }
}

/** What-if reads an instrument's terms from the catalog the oracle and aggregator follow (registered ones too). */
function catalogOf(registered: RegisteredInstruments): InstrumentCatalog {
  const oracle = registered.follow(oracleConfigFor);
  return (symbol) => {
    const instrument = oracle().instrument(symbol);
    if (instrument === undefined) return undefined;
    const { kind, contractSize, strike, optionType, settlementAsset } = instrument;
    return {
      instrument: symbol,
      kind,
      contractSize,
      settlementAsset,
      ...(strike !== undefined ? { strike } : {}),
      ...(optionType !== undefined ? { optionType } : {}),
    };
  };
}
