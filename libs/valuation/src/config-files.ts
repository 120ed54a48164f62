import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InstrumentDefinition, loadInstrumentFile } from '@clearing/contracts';
import { createOracleConfig, OracleConfig, ValuationConfig } from './oracle-config';

/** The repository's config/ directory, from dist (dist/libs/valuation/src) or from source (libs/valuation/src). */
const CONFIG_DIR = path.resolve(__dirname, '../../../../config');
const FROM_SOURCE_DIR = path.resolve(__dirname, '../../../config');

const INSTRUMENTS_FILE = 'instruments.json';
export const DEFAULT_VALUATION_FILE = 'valuation.json';

/**
 * The instrument catalog shared with the position aggregator (INSTRUMENTS_FILE, else config/instruments.json)
 * and the oracle's parameters per underlying (config/valuation.json: feeds, carry, funding, scenario grid).
 * Read by the oracle and by the margin calculator, which must build the same scenario grids the risk arrays
 * use. `dir`, when given, holds both files.
 */
export function loadOracleConfig(dir?: string): OracleConfig {
  const instruments = loadInstrumentFile(dir === undefined ? undefined : path.join(dir, INSTRUMENTS_FILE));
  return createOracleConfig(instruments, loadValuationConfig(dir));
}

/** The oracle config of this catalog (one with instruments registered by command) under config/valuation.json. */
export function oracleConfigFor(instruments: readonly InstrumentDefinition[]): OracleConfig {
  return createOracleConfig(instruments, loadValuationConfig());
}

function loadValuationConfig(dir = configDir()): ValuationConfig {
  return JSON.parse(readFileSync(path.join(dir, DEFAULT_VALUATION_FILE), 'utf8')) as ValuationConfig;
}

function configDir(): string {
  return existsSync(path.join(CONFIG_DIR, INSTRUMENTS_FILE)) ? CONFIG_DIR : FROM_SOURCE_DIR;
}
