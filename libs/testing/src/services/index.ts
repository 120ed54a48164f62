export * from './service-main';
export * from './aggregator-fixture';
export * from './margin-fixture';
export * from './deleveraging-fixture';
// A scenario's names (ACCOUNTS, TRADERS) are its own: read as gapScenario.ACCOUNTS.
export * as gapScenario from './gap-scenario';
export * from './system-fixture';
