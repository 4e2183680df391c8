import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor } from '@behorig/kit/auth';
import { writeOutboxEvent } from '@behorig/kit/outbox';

export const SCHEMA = 'organisations';

export interface AuditEvent { organisationId: string | null; action: string; target: string; before?: unknown; after?: unknown }

/**
 * R-AUDIT-1: the event goes into this schema's outbox through the SAME transactional
 * EntityManager as the change, so both commit or neither does.
 */
export const audit = (tx: EntityManager, actor: Actor, e: AuditEvent) => writeOutboxEvent(tx, SCHEMA, { actor, ...e });

/** The fields worth recording before/after (no timestamps, which the event has anyway). */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}
