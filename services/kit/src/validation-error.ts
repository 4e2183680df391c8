/**
 * A domain validation failure that knows which input field it concerns. Its own module, free of
 * GraphQL and Node imports, so the web client can use the same rules (kit/identity-number).
 */
export class ValidationError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
    this.name = 'ValidationError';
  }
}
