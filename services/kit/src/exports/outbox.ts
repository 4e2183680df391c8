/** `@behorig/kit/outbox`: the transactional outbox (R-AUDIT-1), its relay to the audit log, and the relay for other outbox tables (unit facts). */
export * from '../outbox';
export * from '../outbox-relay';
export * from '../table-relay';
