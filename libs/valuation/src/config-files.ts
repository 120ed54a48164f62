import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InstrumentSpec } from './instruments';
import { createOracleConfig, OracleConfig, ValuationConfig } from './oracle-config';

/** The repository's config/ directory, from dist (dist/libs/valuation/src) or from source (libs/valuation/src). */
const CONFIG_DIR = path.resolve(__dirname, '../../../../config');
const FROM_SOURCE_DIR = path.resolve(__dirname, '../../../config');

export const DEFAULT_INSTRUMENTS_FILE = 'instruments.json';
export const DEFAULT_VALUATION_FILE = 'valuation.json';

/**
 * The instrument list shared with the position aggregator (config/instruments.json) and the oracle's
 * parameters per underlying (config/valuation.json: feeds, carry, funding, scenario grid). Read by the
 * oracle and by the margin calculator, which must build the same scenario grids the risk arrays use.
 */
export function loadOracleConfig(dir = configDir()): OracleConfig {
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
  const { instruments } = read<{ instruments: InstrumentSpec[] }>(DEFAULT_INSTRUMENTS_FILE);
  return createOracleConfig(instruments, read<ValuationConfig>(DEFAULT_VALUATION_FILE));
}

function configDir(): string {
  return existsSync(path.join(CONFIG_DIR, DEFAULT_INSTRUMENTS_FILE)) ? CONFIG_DIR : FROM_SOURCE_DIR;
}
