import { ValidationError, badInput, conflict, forbidden, serviceUnavailable } from '@behorig/kit/errors';
import { ConflictRuleError, ForbiddenRuleError } from './modules/rule-errors';
import { SigningUnavailableError } from './clients/signing.client';

export { serviceUnavailable };

/** Maps the domain's typed refusals to the contract's error codes. */
export function toGraphQLError(e: unknown): unknown {
  if (e instanceof ValidationError) return badInput(e.field, e.message, e.reason);
  if (e instanceof ForbiddenRuleError) return forbidden(`${e.message} (${e.rule})`, e.reason);
  if (e instanceof ConflictRuleError) return conflict(`${e.message} (${e.rule})`, e.reason);
  if (e instanceof SigningUnavailableError) return serviceUnavailable(e.message, 'SIGNING_SERVICE_UNAVAILABLE');
  return e;
}

/** Runs a resolver body and translates domain errors on the way out. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toGraphQLError(e);
  }
}
