import { badInput, isUuid } from '@behorig/kit/errors';

/** Who an audit-log query is about; audit.store.ts `page` turns it into SQL. */
export interface PersonFilter {
  /** Only what this person did (`actor_person_id`). */
  actorPersonId?: string;
  /** Everything about this person (their `person:<id>` target) or done by them. */
  aboutPersonId?: string;
}

/**
 * Who an audit-log query is about (R-AUDIT-3): `actorId` keeps what that person did; `personId`
 * keeps everything about that person or done by them (their `person:<id>` target, or they acted).
 * Ids are checked before they reach the query: a malformed one is BAD_USER_INPUT naming its argument.
 */
export function personFilter(actorId: string | null | undefined, personId: string | null | undefined): PersonFilter {
  for (const [field, id] of [['actorId', actorId], ['personId', personId]] as const) {
    if (id != null && !isUuid(id)) throw badInput(field, `${field} is not a person id.`, 'MALFORMED_ID');
  }
  return {
    ...(actorId ? { actorPersonId: actorId } : {}),
    ...(personId ? { aboutPersonId: personId } : {}),
  };
}
