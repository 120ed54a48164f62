import { FillLegCommandV1, FillV1, InstrumentDefinition, isMultipleOf, termsOf } from '@clearing/contracts';
import { AssetRegistry, contentHash, deterministicId, JsonValue } from '@clearing/ledger';
import { fitsScale, magnitudeRefusal } from './fill-limits';

/** What the intake checks a fill against; loaded from Postgres per batch. */
export interface ReferenceData {
  instrument(symbol: string): InstrumentDefinition | undefined;
  accountStatus(account: string): 'active' | 'suspended' | 'closed' | undefined;
  /** Venues whose rules allow an account to trade with itself. */
  allowsSelfTrade(venue: string): boolean;
  assets: AssetRegistry;
}

export type FillVerdict =
  | { ok: true; legs: [FillLegCommandV1, FillLegCommandV1]; fillHash: string }
  | { ok: false; reason: string };

/**
 * The clearinghouse's acceptance rules for a schema-valid fill: everything a CCP refuses before it
 * becomes counterparty. The first failing rule is the reason given back to the producer.
 */
export function validateFill(fill: FillV1, reference: ReferenceData): FillVerdict {
  const instrument = reference.instrument(fill.instrument);
  const reason = refusalOf(fill, instrument, reference);
  if (reason !== undefined) return { ok: false, reason };
  const fillHash = contentHash(fill as unknown as JsonValue);
  const legs: [FillLegCommandV1, FillLegCommandV1] = [
    legOf(fill, instrument!, 'buy', fillHash, reference),
    legOf(fill, instrument!, 'sell', fillHash, reference),
  ];
  return { ok: true, legs, fillHash };
}

function refusalOf(
  fill: FillV1,
  instrument: InstrumentDefinition | undefined,
  reference: ReferenceData,
): string | undefined {
  if (!instrument) return `unknown instrument ${fill.instrument}`;
  const magnitude = magnitudeRefusal(fill, instrument, reference.assets);
  if (magnitude !== undefined) return magnitude;
  for (const party of [fill.buyer, fill.seller]) {
    const status = reference.accountStatus(party.account);
    if (status === undefined) return `unknown account ${party.account}`;
    if (status !== 'active') return `account ${party.account} is ${status}`;
    const feeAsset = party.feeAsset ?? instrument.settlementAsset;
    if (!reference.assets.has(feeAsset)) return `unknown fee asset ${feeAsset}`;
    if (!fitsScale(party.fee, reference.assets.scaleOf(feeAsset)))
      return `fee ${party.fee} has more decimals than ${feeAsset} allows`;
  }
  if (fill.buyer.account === fill.seller.account && !reference.allowsSelfTrade(fill.venue)) {
    return `buyer and seller are the same account ${fill.buyer.account} (venue ${fill.venue} forbids self-trades)`;
  }
  if (!isPositive(fill.quantity)) return `quantity must be positive, got ${fill.quantity}`;
  if (!isMultipleOf(fill.quantity, instrument.lotSize))
    return `quantity ${fill.quantity} is not a multiple of the lot size ${instrument.lotSize}`;
  if (!isPositive(fill.price)) return `price must be positive, got ${fill.price}`;
  if (!isMultipleOf(fill.price, instrument.tickSize))
    return `price ${fill.price} is not on the tick size ${instrument.tickSize}`;
  if (instrument.expiry && Date.parse(fill.eventTime) >= Date.parse(instrument.expiry)) {
    return `instrument ${instrument.symbol} expired at ${instrument.expiry}, fill at ${fill.eventTime}`;
  }
  return undefined;
}

function legOf(
  fill: FillV1,
  instrument: InstrumentDefinition,
  side: 'buy' | 'sell',
  fillHash: string,
  reference: ReferenceData,
): FillLegCommandV1 {
  const party = side === 'buy' ? fill.buyer : fill.seller;
  const counterparty = side === 'buy' ? fill.seller : fill.buyer;
  return {
    schemaVersion: 1,
    type: 'FillLeg',
    commandId: deterministicId('fill-leg', fill.fillId, side),
    account: party.account,
    issuedAt: fill.eventTime,
    causationId: fill.fillId,
    fillId: fill.fillId,
    side,
    counterpartyAccount: counterparty.account,
    terms: termsOf(instrument, reference.assets),
    price: fill.price,
    quantity: fill.quantity,
    fee: party.fee,
    feeAsset: party.feeAsset ?? instrument.settlementAsset,
    venue: fill.venue,
    venueSequence: fill.venueSequence,
    fillHash,
  };
}

function isPositive(decimal: string): boolean {
  return !decimal.startsWith('-') && /[1-9]/.test(decimal);
}
