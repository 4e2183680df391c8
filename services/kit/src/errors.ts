import { GraphQLError } from 'graphql';

import { genericReason, isReason, REASONS, type Reason } from './reasons';

export { REASONS, REASON_NAMES, isReason, genericReason, type Reason, type ReasonEntry, type ErrorCode } from './reasons';

/**
 * The contract's error codes (docs/api.md). Every refusal goes through one of these so
 * clients can rely on `extensions.code` (and `extensions.field` for bad input) and on
 * `extensions.reason`, a name from the catalogue in `reasons.ts` (a specific one when given,
 * else the code's generic one).
 */
const error = (message: string, code: string, reason: Reason, extra?: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code, reason, ...extra } });

export const unauthenticated = (message = 'You must be signed in.', reason: Reason = 'NOT_SIGNED_IN') =>
  error(message, 'UNAUTHENTICATED', reason, { http: { status: 200 } });

export const forbidden = (message = 'You do not have permission to do this.', reason: Reason = 'NOT_PERMITTED') => error(message, 'FORBIDDEN', reason);

export const badInput = (field: string, message: string, reason: Reason = 'INVALID_INPUT') => error(message, 'BAD_USER_INPUT', reason, { field });

export const notFound = (message: string, reason: Reason = 'NOT_FOUND') => error(message, 'NOT_FOUND', reason);

export const conflict = (message: string, reason: Reason = 'CONFLICT') => error(message, 'CONFLICT', reason);

/** Another service (or BankID) cannot answer right now: retrying later makes sense, nothing was changed. */
export const serviceUnavailable = (message: string, reason: Reason = 'SERVICE_UNAVAILABLE') => error(message, 'SERVICE_UNAVAILABLE', reason);

/**
 * Throws-ready error for a catalogued reason, with the code the catalogue gives it:
 * `throw refuse('NOT_A_DRAFT', 'The change set is being signed.')`; `field` for bad input.
 */
export const refuse = (reason: Reason, message: string, opts: { field?: string } = {}) => {
  const code = REASONS[reason].code;
  return error(message, code, reason, {
    ...(opts.field !== undefined ? { field: opts.field } : {}),
    ...(code === 'UNAUTHENTICATED' ? { http: { status: 200 } } : {}),
  });
};

/**
 * Error formatting's safety net (every subgraph and the gateway): an error that reaches a client
 * without a catalogued `extensions.reason` (graphql-js validation, variable coercion, a library's
 * own error) gets its code's generic reason, so every error a client sees has one.
 */
export function withReason<T extends { message?: string; extensions?: Record<string, unknown> }>(formatted: T): T {
  const ext = formatted.extensions ?? {};
  if (isReason(ext.reason)) return formatted;
  return { ...formatted, extensions: { ...ext, code: ext.code ?? 'INTERNAL_SERVER_ERROR', reason: genericReason(ext.code) } };
}

export { ValidationError } from './validation-error';
import { ValidationError } from './validation-error';

export const toBadInput = (e: ValidationError) => badInput(e.field, e.message, e.reason);

/**
 * An id that is not a UUID names no row. Checked before a query, since the uuid column would
 * reject it as an internal error (found by the hostile-input suite).
 */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
