export * from './poison';
export * from './hostile-topic';
export * from './fills';
export * from './oracle-prices';
