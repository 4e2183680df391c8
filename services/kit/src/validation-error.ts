import type { Reason } from './reasons';

/**
 * A domain validation failure that knows which input field it concerns and, when given, which
 * catalogued reason (`reasons.ts`) it is. Its own module, free of GraphQL and Node imports, so
 * the web client can use the same rules (kit/identity-number).
 */
export class ValidationError extends Error {
  readonly field: string;
  readonly reason: Reason;
  constructor(field: string, message: string, reason: Reason = 'INVALID_INPUT') {
    super(message);
    this.field = field;
    this.reason = reason;
    this.name = 'ValidationError';
  }
}
