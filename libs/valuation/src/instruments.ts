import { InstrumentDefinition } from '@clearing/contracts';

/** What valuation needs of an instrument, in numbers. */
export interface ValuedInstrument {
  readonly symbol: string;
  readonly kind: InstrumentDefinition['kind'];
  readonly underlying: string;
  readonly expiryMs?: number;
  readonly strike?: number;
  readonly optionType?: 'call' | 'put';
  readonly contractSize: number;
  /** Where premiums and P&L are paid (what-if books a hypothetical premium there). */
  readonly settlementAsset: string;
}

/** One entry of the instrument catalog (config/instruments.json) in the numbers valuation needs. */
export function valuedInstrument(spec: InstrumentDefinition): ValuedInstrument {
  const fail = (why: string) => {
    throw new RangeError(`instrument ${spec.symbol}: ${why}`);
  };
  const dated = spec.kind === 'future' || spec.kind === 'option';
  const expiryMs = spec.expiry === undefined ? undefined : Date.parse(spec.expiry);
  if (dated !== (expiryMs !== undefined))
    fail(dated ? 'expiry is required' : 'only futures and options expire');
  if (expiryMs !== undefined && !Number.isFinite(expiryMs)) fail(`bad expiry ${spec.expiry}`);
  const option = spec.kind === 'option';
  const strike = spec.strike === undefined ? undefined : Number(spec.strike);
  if (option !== (strike !== undefined && spec.optionType !== undefined)) {
    fail(option ? 'options need strike and optionType' : 'only options have a strike and type');
  }
  if (strike !== undefined && !(strike > 0)) fail(`strike must be > 0, got ${spec.strike}`);
  const contractSize = Number(spec.contractSize);
  if (!(contractSize > 0 && Number.isFinite(contractSize))) fail(`contractSize must be > 0`);
  return {
    symbol: spec.symbol,
    kind: spec.kind,
    underlying: spec.underlying,
    ...(expiryMs !== undefined && { expiryMs }),
    ...(strike !== undefined && { strike, optionType: spec.optionType }),
    contractSize,
    settlementAsset: spec.settlementAsset,
  };
}
