import { createOutboxRelay } from '@behorig/kit/outbox';
import type { Logger } from '@behorig/kit/server';

/**
 * The signing service, where this schema's audit events go: the outbox relay delivers them to
 * `POST /internal/audit-events` until signing has them (R-AUDIT-1, docs/architecture.md).
 */
export const createAuditRelay = (opts: { databaseUrl: string; signingUrl: string; internalSecret: string; logger: Logger }) =>
  createOutboxRelay({ ...opts, schema: 'organisations' });
