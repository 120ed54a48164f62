export * from './unique';
export * from './kafka-fixture';
export * from './upstream-producer';
export * from './topic-reader';
export * from './database-fixture';
export * from './wait';
export * from './sample-messages';
export * from './recording-metrics';
