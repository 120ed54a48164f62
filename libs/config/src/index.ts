export { type ConfigIssue, ConfigValidationError } from './config-validation-error';
export { type Env, LOG_LEVELS, type LogLevel } from './env-readers';
export {
  type ClearingConfig,
  DEFAULT_DATABASE_URL,
  DEFAULT_HTTP_HOST,
  DEFAULT_KAFKA_BROKERS,
  parseClearingConfig,
  type ServiceDescriptor,
} from './clearing-config';
export {
  CLEARING_CONFIG,
  ClearingConfigModule,
  type ClearingConfigModuleOptions,
} from './clearing-config.module';
export { releaseVersion } from './release-version';
export { KAFKA_SASL_MECHANISMS, type KafkaAuth, type KafkaSasl, type KafkaSaslMechanism } from './kafka-auth';
export { databaseUrlFromEnv, kafkaBrokersFromEnv } from './endpoints-from-env';
export {
  COMMAND_ISSUERS,
  type CommandIssuer,
  devSigningKey,
  signingKeyFromEnv,
  signingKeysFromEnv,
  signingKeyVariable,
  type SigningKeys,
} from './signing-keys';
export {
  credentialMatches,
  DEV_SERVICE_CREDENTIAL,
  SERVICE_CREDENTIAL_HEADER,
  SERVICE_CREDENTIAL_VARIABLE,
  serviceCredentialFromEnv,
} from './service-credential';
export { SERVICE_CREDENTIAL, ServiceCredentialGuard } from './service-credential.guard';
export { DEPLOYED_SERVICES, SERVICES } from './deployed-services';
