import { ValidationError } from '@behorig/kit/errors';

/** Runs `fn`, expecting a ValidationError; returns it so the field and message can be checked. */
export function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
