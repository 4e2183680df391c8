/**
 * Typed refusals of the domain rules. Each names the rule (e.g. "R-END-5") so resolvers can map it
 * to the contract's error codes: `ForbiddenRuleError` → FORBIDDEN, `ConflictRuleError` → CONFLICT.
 * Bad input is the kit's `ValidationError` (→ BAD_USER_INPUT with `extensions.field`).
 */
export class ForbiddenRuleError extends Error {
  readonly code = 'FORBIDDEN' as const;
  constructor(public readonly rule: string, message: string) {
    super(message);
    this.name = 'ForbiddenRuleError';
  }
}

export class ConflictRuleError extends Error {
  readonly code = 'CONFLICT' as const;
  constructor(public readonly rule: string, message: string) {
    super(message);
    this.name = 'ConflictRuleError';
  }
}
