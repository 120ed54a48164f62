export * from './roles';
export * from './api-key';
export * from './api-key-store';
export * from './cached-key-authenticator';
