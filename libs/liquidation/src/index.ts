export * from './close';
export * from './waterfall';
export * from './planner';
export * from './case';
export * from './params';
