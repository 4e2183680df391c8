import { type Actor } from '@behorig/kit/auth';
import { ValidationError, toBadInput } from '@behorig/kit/errors';
import { actorLabel } from '@behorig/kit/outbox';

/** Runs a domain check; a rule's ValidationError becomes BAD_USER_INPUT naming the field. */
export function validated<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof ValidationError) throw toBadInput(e);
    throw e;
  }
}

/** `updatedBy`: the same label the audit log uses (kit actorLabel), never a personal number (R-USR-1). */
export const changedByLabel = (actor: Actor): string => actorLabel(actor);
