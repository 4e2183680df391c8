import { createOutboxRelay } from '@behorig/kit/outbox';
import type { Logger } from '@behorig/kit/server';
import type { ServiceCredentials } from '@behorig/kit/auth';

/**
 * The signing service, where this schema's audit events go: the outbox relay delivers them to
 * `POST /internal/audit-events` until signing has them (R-AUDIT-1, docs/architecture.md), with
 * this service's own credential (R-AUTH-4, docs/security.md).
 */
export const createAuditRelay = (opts: { databaseUrl: string; signingUrl: string; credentials: ServiceCredentials; logger: Logger }) =>
  createOutboxRelay({ ...opts, schema: 'organisations' });
