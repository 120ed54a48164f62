import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InstrumentTermsV1 } from './ledger-command';
import { formatSchemaErrors, instrumentFileValidator } from './validators';
import { AssetRegistry, canonicalSize, parseAmount, RegisteredTerms } from '@clearing/ledger';

/**
 * One instrument as configured (config/instruments.json, schemas/instruments.v1.schema.json) or registered
 * through a journaled command. Sizes stay decimal strings; valuation converts what it needs to numbers.
 */
export interface InstrumentDefinition {
  readonly symbol: string;
  readonly kind: 'spot' | 'perpetual' | 'future' | 'option';
  readonly underlying: string;
  /** Spot only: the asset delivered (BTC for BTC-USDC). */
  readonly baseAsset?: string;
  readonly settlementAsset: string;
  /** Underlying units per contract. */
  readonly contractSize: string;
  readonly lotSize: string;
  readonly tickSize: string;
  /** RFC 3339; dated futures and options only. */
  readonly expiry?: string;
  /** Options only, in the settlement asset. */
  readonly strike?: string;
  readonly optionType?: 'call' | 'put';
  /** Largest quantity one fill may carry (contracts); REGISTERED_INSTRUMENT_LIMITS when absent. */
  readonly maxQuantity?: string;
  /** Largest price one fill may carry (settlement asset per underlying unit); REGISTERED_INSTRUMENT_LIMITS when absent. */
  readonly maxPrice?: string;
}

export const DEFAULT_INSTRUMENTS_FILE = path.resolve(__dirname, '../../../../config/instruments.json');

/**
 * The catalog file: INSTRUMENTS_FILE when set, else the repository's config/instruments.json. Read here
 * only, so every service trades, marks, margins and liquidates the same list (the aggregator alone once
 * honoured it: fills in an instrument the oracle never marked left both accounts unpriced).
 */
export function instrumentCatalogFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.INSTRUMENTS_FILE || DEFAULT_INSTRUMENTS_FILE;
}

/** The instrument catalog every service reads, validated: a typo stops the service at start, naming the field. */
export function loadInstrumentFile(file = instrumentCatalogFile()): InstrumentDefinition[] {
  return parseInstrumentFile(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The contents of an instruments file, checked against its schema and for symbols listed twice. */
export function parseInstrumentFile(contents: unknown, source: string): InstrumentDefinition[] {
  const validate = instrumentFileValidator();
  if (!validate(contents)) throw new Error(`${source}: ${formatSchemaErrors(validate.errors)}`);
  const { instruments } = contents as { instruments: InstrumentDefinition[] };
  const symbols = instruments.map((definition) => definition.symbol);
  const twice = symbols.find((symbol, index) => symbols.indexOf(symbol) !== index);
  if (twice !== undefined) throw new Error(`${source}: instrument ${twice} is listed twice`);
  return instruments;
}

/** Decimal places of a size: a lot size of 0.0001 means positions are counted in 1e-4 units. */
export function decimalPlaces(decimal: string): number {
  return decimal.includes('.') ? decimal.length - decimal.indexOf('.') - 1 : 0;
}

/** The terms snapshot a fill leg carries (so the journal writer needs no registry). */
export function termsOf(definition: InstrumentDefinition, assets: AssetRegistry): InstrumentTermsV1 {
  const positionScale = positionScaleOf(definition, assets);
  return {
    instrument: definition.symbol,
    kind: definition.kind,
    ...(definition.baseAsset && definition.kind === 'spot' ? { baseAsset: definition.baseAsset } : {}),
    settlementAsset: definition.settlementAsset,
    positionScale,
    contractSize: definition.contractSize,
    ...(definition.expiry && definition.kind !== 'perpetual' && definition.kind !== 'spot'
      ? { expiry: definition.expiry }
      : {}),
    ...(definition.kind === 'option'
      ? { strike: definition.strike!, optionType: definition.optionType! }
      : {}),
  };
}

/** The configured instruments as the journal writer guards them: registered before any command. */
export function registeredTermsOf(
  definitions = loadInstrumentFile(),
  assets = AssetRegistry.withBaseAssets(),
): Map<string, RegisteredTerms> {
  return new Map(
    definitions.map((definition) => {
      const terms = termsOf(definition, assets);
      const registered = {
        kind: terms.kind,
        settlementAsset: terms.settlementAsset,
        positionScale: terms.positionScale,
        contractSize: canonicalSize(terms.contractSize),
      };
      return [definition.symbol, registered];
    }),
  );
}

/** Fraction digits of a position: the base asset's for spot, the lot size's otherwise. */
export function positionScaleOf(definition: InstrumentDefinition, assets: AssetRegistry): number {
  return definition.kind === 'spot'
    ? assets.scaleOf(definition.baseAsset!)
    : decimalPlaces(definition.lotSize);
}

/** `1.2500` -> `1.25`, `3.0` -> `3`: the same number with only its significant fraction digits. */
export function withoutTrailingZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}

/**
 * True when `decimal` is a whole multiple of `step` (both decimal strings), exactly. Total for any decimal:
 * trailing zeros are dropped, and a value finer than the step is no multiple, without computing at its
 * (possibly unrepresentable) scale.
 */
export function isMultipleOf(decimal: string, step: string): boolean {
  const [value, unit] = [withoutTrailingZeros(decimal), withoutTrailingZeros(step)];
  if (decimalPlaces(value) > decimalPlaces(unit)) return false;
  const scale = decimalPlaces(unit);
  const stepMinor = parseAmount(unit, scale);
  return stepMinor > 0n && parseAmount(value, scale) % stepMinor === 0n;
}

/**
 * An InstrumentRegistered event's payload (the RegisterInstrument command's fields) as a definition the
 * intake validates against. Lot size follows the position scale; without a tick size, any price on the
 * settlement asset's own grid is accepted.
 */
export function instrumentDefinitionOf(payload: Record<string, string | number>): InstrumentDefinition {
  const unit = (scale: number) => (scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`);
  return {
    symbol: String(payload.instrument),
    kind: payload.instrumentKind as InstrumentDefinition['kind'],
    underlying: String(payload.underlying),
    settlementAsset: String(payload.settlementAsset),
    contractSize: String(payload.contractSize),
    lotSize: String(payload.lotSize ?? unit(Number(payload.positionScale))),
    tickSize: String(payload.tickSize ?? unit(6)),
    ...(payload.expiry ? { expiry: String(payload.expiry) } : {}),
    ...(payload.strike ? { strike: String(payload.strike) } : {}),
    ...(payload.optionType ? { optionType: payload.optionType as 'call' | 'put' } : {}),
  };
}
