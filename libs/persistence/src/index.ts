export * from './numeric-transformers';
export * from './database-url';
export * from './data-source';
export * from './checkpoint-store';
export * from './account-sequence-guard';
export * from './nest/database.module';
export * from './service-directory';
export * from './command-outcome';
