/** `@behorig/kit/auth`: tokens and their verification, partner-client status, the service-to-service endpoints. */
export * from '../auth';
export * from '../service-credentials';
export * from '../internal-api';
export * from '../client-status';
