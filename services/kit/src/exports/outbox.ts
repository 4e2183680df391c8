/** `@behorig/kit/outbox`: the transactional outbox (R-AUDIT-1) and its relay to the audit log. */
export * from '../outbox';
export * from '../outbox-relay';
