import { badInput, isUuid } from '@behorig/kit/errors';

/**
 * Who an audit-log query is about (R-AUDIT-3): `actorId` keeps what that person did; `personId`
 * keeps everything about that person or done by them (their `person:<id>` target, or they acted).
 * Ids are checked before they reach the query: a malformed one is BAD_USER_INPUT naming its argument.
 */
export function personFilter(actorId: string | null | undefined, personId: string | null | undefined) {
  for (const [field, id] of [['actorId', actorId], ['personId', personId]] as const) {
    if (id != null && !isUuid(id)) throw badInput(field, `${field} is not a person id.`, 'MALFORMED_ID');
  }
  return {
    ...(actorId ? { actorPersonId: actorId } : {}),
    ...(personId ? { $or: [{ target: `person:${personId}` }, { actorPersonId: personId }] } : {}),
  };
}
