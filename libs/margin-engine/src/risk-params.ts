import { MarginConfig, UnderlyingMarginParams } from '@clearing/risk';

/** A journaled RiskParamsChange (ledger.commands.v1), as the aggregator's projection keeps it. */
export interface RiskParamsChange {
  readonly scope: 'global' | 'underlying' | 'instrument' | 'asset';
  readonly target?: string;
  /** Parameter name -> decimal string. */
  readonly params: Readonly<Record<string, string>>;
}

/** The per-underlying parameters a journaled command may change (the rest are structural: grid, tiers). */
const UNDERLYING_PARAMS = [
  'imFactor',
  'mmFactor',
  'shortOptionContingencyRate',
  'offsetContingencyRate',
  'minDeltaRate',
] as const;
/** Per underlying too, inside its standard (isolated) margin: the size term and the short option MM. */
const STANDARD_PARAMS = ['sizeRatePerUnit', 'shortOptionMmRate', 'shortPutMmMarkShare'] as const;
/** Per collateral asset. */
const ASSET_PARAMS = ['baseHaircut', 'maxHaircut', 'volMultiplier', 'sizeImfFactor'] as const;

type UnderlyingParam = (typeof UNDERLYING_PARAMS)[number];
type AssetParam = (typeof ASSET_PARAMS)[number];
type StandardParam = (typeof STANDARD_PARAMS)[number];

/**
 * The margin configuration after one change: `global` and `underlying` set underlying parameters, `asset`
 * collateral ones. A name the scope does not know, a target without parameters or a value that is not a
 * non-negative finite number is refused with a reason (the change is then not applied, never half-applied).
 */
export function withRiskParams(config: MarginConfig, change: RiskParamsChange): MarginConfig {
  const values = Object.entries(change.params).map(([name, text]) => [name, Number(text)] as const);
  for (const [name, value] of values) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new RangeError(`risk parameter ${name} = ${change.params[name]}`);
  }
  if (change.scope === 'asset') return withAssetParams(config, change.target!, values);
  if (change.scope === 'instrument')
    throw new RangeError('margin parameters are per underlying or asset, not instrument');
  const targets = change.scope === 'global' ? Object.keys(config.underlyings) : [change.target!];
  let next = config;
  for (const underlying of targets) next = withUnderlyingParams(next, underlying, values);
  return next;
}

function withUnderlyingParams(
  config: MarginConfig,
  underlying: string,
  values: readonly (readonly [string, number])[],
): MarginConfig {
  const current = config.underlyings[underlying];
  if (current === undefined) throw new RangeError(`no margin parameters for underlying ${underlying}`);
  const isStandard = ([name]: readonly [string, number]) =>
    (STANDARD_PARAMS as readonly string[]).includes(name);
  const updated: UnderlyingMarginParams = {
    ...current,
    ...known(
      values.filter((v) => !isStandard(v)),
      UNDERLYING_PARAMS,
      'underlying',
    ),
    standard: { ...current.standard, ...known(values.filter(isStandard), STANDARD_PARAMS, 'underlying') },
  };
  return { ...config, underlyings: { ...config.underlyings, [underlying]: updated } };
}

function withAssetParams(
  config: MarginConfig,
  asset: string,
  values: readonly (readonly [string, number])[],
): MarginConfig {
  const current = config.collateral[asset];
  if (current === undefined) throw new RangeError(`no collateral parameters for asset ${asset}`);
  const updated = { ...current, ...known(values, ASSET_PARAMS, 'asset') };
  return { ...config, collateral: { ...config.collateral, [asset]: updated } };
}

function known<N extends UnderlyingParam | StandardParam | AssetParam>(
  values: readonly (readonly [string, number])[],
  names: readonly N[],
  scope: string,
): Partial<Record<N, number>> {
  const result: Partial<Record<N, number>> = {};
  for (const [name, value] of values) {
    if (!(names as readonly string[]).includes(name))
      throw new RangeError(`${name} is not a ${scope} margin parameter`);
    result[name as N] = value;
  }
  return result;
}
