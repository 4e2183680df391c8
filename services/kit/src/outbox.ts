import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './auth';

/**
 * R-AUDIT-1: a service records each change's audit event in its own `<schema>.outbox_event`
 * table INSIDE the transaction of the change (pass the transactional EntityManager), so a
 * rolled-back change leaves no event and no change exists without one. The signing service
 * later collects the outboxes into the hash-chained audit log.
 */
export interface AuditEventInput {
  actor: Actor | null;
  organisationId: string | null;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

/**
 * How the actor is named in audit events and `updatedBy` columns. Never a full personal number:
 * the audit log is an append-only hash chain, so a number written there could never be removed.
 * Tokens name a person by id only; authority staff with no person row are `person:authority`.
 */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  if (actor.kind === 'person') return actor.personId ? `person:${actor.personId}` : (actor.authority ? 'person:authority' : 'person:unknown');
  if (actor.kind === 'client') return `client:${actor.clientId}`;
  return `service:${actor.service}`;
}

export async function writeOutboxEvent(em: EntityManager, schema: string, e: AuditEventInput): Promise<void> {
  await em.execute(
    `INSERT INTO "${schema}".outbox_event (actor, organisation_id, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)`,
    [actorLabel(e.actor), e.organisationId, e.action, e.target, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after)],
  );
}
