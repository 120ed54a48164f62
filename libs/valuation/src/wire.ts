import {
  ConfidenceV1,
  ExpirySettlementV1,
  IndexMarkV1,
  InstrumentMarkV1,
  RedemptionRateMarkV1,
} from '@clearing/contracts';
import { Confidence, FeedReading } from './feed';
import { ValuedInstrument } from './instruments';
import { InstrumentMark } from './marks';
import { Settlement } from './settlement';

/** Fraction digits of prices on the wire: finer than any tick, coarser than float noise. */
const PRICE_DIGITS = 8;
/** Fraction digits of rates and ratios (funding, vol, years, dispersion, coverage). */
const RATE_DIGITS = 12;

/**
 * A float as a contract decimal string (no exponent, no negative zero, trailing zeros trimmed), rounded
 * to `fractionDigits`. These are risk-math outputs; ledger amounts never pass through here.
 */
export function toDecimalString(value: number, fractionDigits: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) {
    throw new RangeError(`${value} has no plain decimal form`);
  }
  const fixed = value.toFixed(fractionDigits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

const price = (value: number) => toDecimalString(value, PRICE_DIGITS);
const rate = (value: number) => toDecimalString(value, RATE_DIGITS);
const asOf = (ms: number) => new Date(ms).toISOString();

function status(reading: { status: 'valid' | 'invalid'; reason?: string }) {
  return reading.status === 'valid'
    ? { status: 'valid' as const }
    : { status: 'invalid' as const, reason: reading.reason as InstrumentMarkV1['reason'] };
}

function confidenceToWire(confidence: Confidence): ConfidenceV1 {
  return { ...confidence, dispersion: rate(confidence.dispersion) };
}

export function indexToWire(underlying: string, reading: FeedReading): IndexMarkV1 {
  return {
    schemaVersion: 1,
    kind: 'index',
    ...status(reading),
    asOf: asOf(reading.asOfMs),
    underlying,
    ...(reading.value !== undefined && { price: price(reading.value) }),
    confidence: confidenceToWire(reading.confidence),
  };
}

export function redemptionToWire(token: string, base: string, reading: FeedReading): RedemptionRateMarkV1 {
  return {
    schemaVersion: 1,
    kind: 'redemption-rate',
    ...status(reading),
    asOf: asOf(reading.asOfMs),
    token,
    base,
    ...(reading.value !== undefined && { rate: rate(reading.value) }),
    confidence: confidenceToWire(reading.confidence),
  };
}

export function instrumentMarkToWire(mark: InstrumentMark): InstrumentMarkV1 {
  const { funding, option } = mark;
  return {
    schemaVersion: 1,
    kind: 'instrument',
    ...status(mark),
    asOf: asOf(mark.asOfMs),
    instrument: mark.instrument,
    instrumentKind: mark.kind,
    underlying: mark.underlying,
    indexPrice: price(mark.indexPrice),
    ...(mark.markPrice !== undefined && { markPrice: price(mark.markPrice) }),
    confidence: confidenceToWire(mark.confidence),
    ...(funding && {
      funding: {
        ratePerPeriod: rate(funding.ratePerPeriod),
        periodHours: funding.periodHours,
        premiumIndex: rate(funding.premiumIndex),
        paused: funding.paused,
      },
    }),
    ...(option && {
      option: {
        forward: price(option.forward),
        vol: rate(option.vol),
        years: rate(option.years),
        greeks: {
          delta: option.greeks.delta,
          gamma: option.greeks.gamma,
          vega: option.greeks.vega,
          theta: option.greeks.theta,
          rho: option.greeks.rho,
        },
      },
    }),
    ...(mark.riskArray && { risk: { gridId: mark.gridId, pnl: mark.riskArray } }),
  };
}

/** The settlement of one expired instrument, with what one contract pays. */
export function settlementToWire(settlement: Settlement, instrument: ValuedInstrument): ExpirySettlementV1 {
  const value = settlement.price === undefined ? undefined : payoff(settlement.price, instrument);
  return {
    schemaVersion: 1,
    kind: 'expiry-settlement',
    ...(settlement.status === 'valid'
      ? { status: 'valid' }
      : { status: 'invalid', reason: 'no-index-in-window' }),
    asOf: asOf(settlement.expiryMs),
    instrument: instrument.symbol,
    underlying: settlement.underlying,
    expiry: asOf(settlement.expiryMs),
    ...(settlement.price !== undefined && { settlementPrice: price(settlement.price) }),
    ...(value !== undefined && { valuePerContract: price(value) }),
    coverage: rate(settlement.coverage),
    windowMs: settlement.windowMs,
  };
}

function payoff(settlementPrice: number, instrument: ValuedInstrument): number {
  if (instrument.kind !== 'option') return settlementPrice * instrument.contractSize;
  const sign = instrument.optionType === 'call' ? 1 : -1;
  return Math.max(0, sign * (settlementPrice - instrument.strike!)) * instrument.contractSize;
}
