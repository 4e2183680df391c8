import { GraphQLError } from 'graphql';

/**
 * The contract's error codes (CONTRACT.md). Every refusal goes through one of these so
 * clients can rely on `extensions.code` (and `extensions.field` for bad input).
 */
export const unauthenticated = (message = 'You must be signed in.') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });

export const forbidden = (message = 'You do not have permission to do this.') =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });

export const badInput = (field: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });

export const notFound = (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

export const conflict = (message: string) => new GraphQLError(message, { extensions: { code: 'CONFLICT' } });

/** Another service (or BankID) cannot answer right now: retrying later makes sense, nothing was changed. */
export const serviceUnavailable = (message: string) => new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });

export { ValidationError } from './validation-error';
import { ValidationError } from './validation-error';

export const toBadInput = (e: ValidationError) => badInput(e.field, e.message);

/**
 * An id that is not a UUID names no row. Checked before a query, since the uuid column would
 * reject it as an internal error (found by the hostile-input suite).
 */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
