// The JSON Schema files are the source of truth (producers in any language use them directly);
// importing them makes tsc copy them into dist, so the same code works from source and compiled.
import commonSchema from '../schemas/common.v1.schema.json';
import fillsSchema from '../schemas/fills.v1.schema.json';
import instrumentsSchema from '../schemas/instruments.v1.schema.json';
import ledgerCommandsSchema from '../schemas/ledger.commands.v1.schema.json';
import ledgerJournalSchema from '../schemas/ledger.journal.v1.schema.json';
import liquidationsSchema from '../schemas/liquidations.v1.schema.json';
import marginSchema from '../schemas/margin.v1.schema.json';
import marksSchema from '../schemas/marks.v1.schema.json';
import oraclePricesSchema from '../schemas/oracle.prices.v1.schema.json';
import riskSummariesSchema from '../schemas/risk.summaries.v1.schema.json';
import settlementsSchema from '../schemas/settlements.v1.schema.json';
import { FillV1 } from './fill';
import { LedgerCommandV1 } from './ledger-command';
import { LedgerJournalV1 } from './ledger-journal';
import { LiquidationV1 } from './liquidation';
import { MarginV1 } from './margin';
import { MarkV1 } from './mark';
import { OraclePriceV1 } from './oracle-price';
import { RiskSummaryV1 } from './risk-summary';
import { SettlementV1 } from './settlement';
import { TOPICS } from './topics';

/** The message type carried by each topic that has a published schema. */
export interface MessageByTopic {
  [TOPICS.fills]: FillV1;
  [TOPICS.oraclePrices]: OraclePriceV1;
  [TOPICS.ledgerCommands]: LedgerCommandV1;
  [TOPICS.ledgerJournal]: LedgerJournalV1;
  [TOPICS.settlements]: SettlementV1;
  [TOPICS.marks]: MarkV1;
  [TOPICS.margin]: MarginV1;
  [TOPICS.liquidations]: LiquidationV1;
  [TOPICS.riskSummaries]: RiskSummaryV1;
}

export type SchemaTopic = keyof MessageByTopic;

/**
 * The digits bound of every decimal from outside (common.v1 `decimalDigits`), for inputs validated outside
 * the topic schemas, such as HTTP bodies: one bound, read from the schema file.
 */
export const DECIMAL_DIGITS_PATTERN: string = commonSchema.$defs.decimalDigits.pattern;

/** Definitions shared by the topic schemas (referenced as `common.v1.schema.json#/$defs/...`). */
export const COMMON_SCHEMA: object = commonSchema;

export const SCHEMA_BY_TOPIC: Readonly<Record<SchemaTopic, object>> = {
  [TOPICS.fills]: fillsSchema,
  [TOPICS.oraclePrices]: oraclePricesSchema,
  [TOPICS.ledgerCommands]: ledgerCommandsSchema,
  [TOPICS.ledgerJournal]: ledgerJournalSchema,
  [TOPICS.settlements]: settlementsSchema,
  [TOPICS.marks]: marksSchema,
  [TOPICS.margin]: marginSchema,
  [TOPICS.liquidations]: liquidationsSchema,
  [TOPICS.riskSummaries]: riskSummariesSchema,
};

export const SCHEMA_TOPICS = Object.keys(SCHEMA_BY_TOPIC) as readonly SchemaTopic[];

/** config/instruments.json (not a topic): the one instrument catalog every service loads. */
export const INSTRUMENTS_FILE_SCHEMA: object = instrumentsSchema;
