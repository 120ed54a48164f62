export * from './close';
export * from './waterfall';
