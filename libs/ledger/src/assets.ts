import { assertValidScale, formatAmount, parseAmount } from './amount';

/** Asset code: a currency/collateral (`USDC`, `stETH`) or an instrument's position unit (`BTC-PERP`). */
export type AssetCode = string;

/** `cash` is money or collateral; `position` is a quantity of an instrument's contracts. */
export type AssetKind = 'cash' | 'position';

export interface AssetDefinition {
  readonly code: AssetCode;
  /** Number of decimal places of one minor unit: USDC 6 means 1 minor unit = 0.000001 USDC. */
  readonly scale: number;
  readonly kind: AssetKind;
}

export const ASSET_CODE_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9.]+)*$/;
const MAX_ASSET_CODE_LENGTH = 64;

function defineAsset(code: AssetCode, scale: number, kind: AssetKind): AssetDefinition {
  return Object.freeze({ code, scale, kind });
}

/**
 * Assets known from day one. Scales are fixed forever (changing one would reinterpret every stored
 * amount). ETH and stETH use 18 (wei) so on-chain deposits and withdrawals are represented exactly,
 * never rounded; bigint and Postgres NUMERIC carry 18 digits without overflow concerns.
 * USD is an accounting unit (valuations, P&L) at the same 6 decimals as USDC.
 * Position units: BTC-PERP lot 0.0001 (scale 4), ETH-PERP lot 0.001 (scale 3).
 */
export const ASSETS = Object.freeze({
  USD: defineAsset('USD', 6, 'cash'),
  USDC: defineAsset('USDC', 6, 'cash'),
  BTC: defineAsset('BTC', 8, 'cash'),
  ETH: defineAsset('ETH', 18, 'cash'),
  stETH: defineAsset('stETH', 18, 'cash'),
  'BTC-PERP': defineAsset('BTC-PERP', 4, 'position'),
  'ETH-PERP': defineAsset('ETH-PERP', 3, 'position'),
});

/**
 * The most one deposit or withdrawal may move, in whole units of the asset: far above any real transfer,
 * far below what would overflow a projection's NUMERIC or make a typo mint a fortune. Assets not listed
 * take DEFAULT_MAX_TRANSFER_UNITS.
 */
export const MAX_TRANSFER_UNITS: Readonly<Record<AssetCode, bigint>> = Object.freeze({
  USD: 10_000_000_000n,
  USDC: 10_000_000_000n,
  BTC: 1_000_000n,
  ETH: 100_000_000n,
  stETH: 100_000_000n,
});
export const DEFAULT_MAX_TRANSFER_UNITS = 10_000_000_000n;

export function maxTransferUnitsOf(asset: AssetCode): bigint {
  return MAX_TRANSFER_UNITS[asset] ?? DEFAULT_MAX_TRANSFER_UNITS;
}

/** Default scale of option position units (0.01 contracts), used when registering option instruments. */
export const OPTION_POSITION_SCALE = 2;

/**
 * Run-time extensible registry (instruments are registered by commands), but append-only per code:
 * re-registering an identical definition is a no-op (replays are idempotent); a different scale or kind
 * for a known code throws, because a scale can never change.
 */
export class AssetRegistry {
  private readonly byCode = new Map<AssetCode, AssetDefinition>();

  constructor(definitions: Iterable<AssetDefinition> = []) {
    for (const definition of definitions) {
      this.register(definition);
    }
  }

  static withBaseAssets(): AssetRegistry {
    return new AssetRegistry(Object.values(ASSETS));
  }

  register(definition: AssetDefinition): AssetDefinition {
    assertValidAssetCode(definition.code);
    assertValidScale(definition.scale);
    const known = this.byCode.get(definition.code);
    if (known !== undefined) {
      if (known.scale !== definition.scale || known.kind !== definition.kind) {
        throw new Error(
          `asset ${definition.code} is registered as ${known.kind} scale ${known.scale}; ` +
            `cannot re-register as ${definition.kind} scale ${definition.scale}`,
        );
      }
      return known;
    }
    const frozen = defineAsset(definition.code, definition.scale, definition.kind);
    this.byCode.set(frozen.code, frozen);
    return frozen;
  }

  has(code: AssetCode): boolean {
    return this.byCode.has(code);
  }

  get(code: AssetCode): AssetDefinition {
    const definition = this.byCode.get(code);
    if (definition === undefined) {
      throw new Error(`unknown asset ${JSON.stringify(code)}`);
    }
    return definition;
  }

  scaleOf(code: AssetCode): number {
    return this.get(code).scale;
  }

  list(): readonly AssetDefinition[] {
    return [...this.byCode.values()];
  }

  /** Strictly parses a decimal string of `code` into minor units (too many fraction digits throws). */
  parse(code: AssetCode, decimal: string): bigint {
    return parseAmount(decimal, this.scaleOf(code));
  }

  format(code: AssetCode, minor: bigint): string {
    return formatAmount(minor, this.scaleOf(code));
  }
}

function assertValidAssetCode(code: AssetCode): void {
  if (code.length > MAX_ASSET_CODE_LENGTH || !ASSET_CODE_PATTERN.test(code)) {
    throw new Error(`invalid asset code ${JSON.stringify(code)}`);
  }
}
