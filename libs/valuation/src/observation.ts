import { OraclePriceV1 } from '@clearing/contracts';

/**
 * One input of the oracle in numbers (risk math uses floats; nothing here is ledger money). Times are the
 * sources' event times in epoch milliseconds: the oracle has no clock of its own.
 */
export type Observation = IndexObservation | RedemptionObservation | VolObservation | MarketObservation;

interface Observed {
  readonly source: string;
  readonly eventTimeMs: number;
  /**
   * When the clearing house received it: the Kafka record's timestamp, stored in the log, so a replay
   * judges it the same way. Only used to refuse quotes from the future (the fold's clock is event time).
   */
  readonly receivedAtMs: number;
}

export interface IndexObservation extends Observed {
  readonly kind: 'index-quote';
  readonly underlying: string;
  readonly price: number;
}

export interface RedemptionObservation extends Observed {
  readonly kind: 'redemption-rate';
  readonly token: string;
  readonly base: string;
  readonly rate: number;
}

/** One implied-vol point, located by exactly one of strike (USD) or delta (call delta; < 0 = put delta). */
export interface VolObservation extends Observed {
  readonly kind: 'implied-vol';
  readonly underlying: string;
  readonly expiryMs: number;
  readonly strike?: number;
  readonly delta?: number;
  readonly iv: number;
}

/**
 * A traded price of a perpetual or future on a venue: the source of its premium over the fair price.
 * oracle.prices.v1 has no such kind yet (adding one is a backward compatible change); until then marks
 * are the fair price (index, or index with carry for dated futures).
 */
export interface MarketObservation extends Observed {
  readonly kind: 'market-price';
  readonly instrument: string;
  readonly price: number;
}

/** The contract's decimal strings and timestamps as numbers; `receivedAtMs` is the record's timestamp. */
export function observationFromWire(message: OraclePriceV1, receivedAtMs: number): Observation {
  const observed = { source: message.source, eventTimeMs: Date.parse(message.eventTime), receivedAtMs };
  switch (message.kind) {
    case 'index-quote':
      return {
        ...observed,
        kind: message.kind,
        underlying: message.underlying,
        price: Number(message.price),
      };
    case 'redemption-rate':
      return {
        ...observed,
        kind: message.kind,
        token: message.token,
        base: message.base,
        rate: Number(message.rate),
      };
    case 'implied-vol':
      return {
        ...observed,
        kind: message.kind,
        underlying: message.underlying,
        expiryMs: Date.parse(message.expiry),
        ...(message.strike !== undefined
          ? { strike: Number(message.strike) }
          : { delta: Number(message.delta) }),
        iv: Number(message.iv),
      };
  }
}
