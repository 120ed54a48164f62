export * from './poison';
export * from './hostile-topic';
export * from './fills';
export * from './oracle-prices';
export * from './commands';
export * from './forged-commands';
export * from './journal';
