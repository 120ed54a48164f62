export * from './common';
export * from './decode';
export * from './fill';
export * from './ledger-command';
export * from './ledger-journal';
export * from './oracle-price';
export * from './schemas';
export * from './topics';
export { formatSchemaErrors } from './validators';
