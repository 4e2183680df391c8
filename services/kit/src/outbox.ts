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
 * A person without an id in the token (authority staff with no person row, development tokens)
 * is named by birth date with the serial masked, as lists show people (R-USR-1).
 */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  if (actor.kind === 'person') return actor.personId ? `person:${actor.personId}` : `person:${actor.personalNumber.slice(0, 8)}-****`;
  if (actor.kind === 'client') return `client:${actor.clientId}`;
  return `service:${actor.service}`;
}

export async function writeOutboxEvent(em: EntityManager, schema: string, e: AuditEventInput): Promise<void> {
  await em.execute(
    `INSERT INTO "${schema}".outbox_event (actor, organisation_id, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)`,
    [actorLabel(e.actor), e.organisationId, e.action, e.target, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after)],
  );
}
