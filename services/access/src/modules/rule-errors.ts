import type { Reason } from '@behorig/kit/reasons';

/**
 * Typed refusals of the domain rules. Each names the rule (e.g. "R-END-5") so resolvers can map it
 * to the contract's error codes: `ForbiddenRuleError` → FORBIDDEN, `ConflictRuleError` → CONFLICT.
 * Bad input is the kit's `ValidationError` (→ BAD_USER_INPUT with `extensions.field`). Each also
 * carries its catalogued reason (kit `reasons.ts`), which becomes `extensions.reason`.
 */
export class ForbiddenRuleError extends Error {
  readonly code = 'FORBIDDEN' as const;
  constructor(public readonly rule: string, message: string, public readonly reason: Reason = 'NOT_PERMITTED') {
    super(message);
    this.name = 'ForbiddenRuleError';
  }
}

export class ConflictRuleError extends Error {
  readonly code = 'CONFLICT' as const;
  constructor(public readonly rule: string, message: string, public readonly reason: Reason = 'CONFLICT') {
    super(message);
    this.name = 'ConflictRuleError';
  }
}
