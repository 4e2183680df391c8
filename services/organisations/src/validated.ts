import { actorLabel, ValidationError, toBadInput, type Actor } from '@behorig/kit';

/** Runs a domain check; a rule's ValidationError becomes BAD_USER_INPUT naming the field. */
export function validated<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof ValidationError) throw toBadInput(e);
    throw e;
  }
}

/**
 * Who changed a row, as shown in `updatedBy`. Never a full personal number (R-USR-1): a token
 * without a person id shows only the birth-date part.
 */
/** `updatedBy`: the same masked label the audit log uses (kit actorLabel). */
export const changedByLabel = (actor: Actor): string => actorLabel(actor);
