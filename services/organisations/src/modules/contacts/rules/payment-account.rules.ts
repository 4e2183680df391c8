import { ValidationError } from '@behorig/kit/errors';
import { luhnValid } from './luhn.rules';

/** R-ORG-1 payment accounts: bankgiro or plusgiro, with a Luhn check digit. */
export type PaymentAccountType = 'BANKGIRO' | 'PLUSGIRO';
export type AccountReviewStatus = 'NOT_REVIEWED' | 'REVIEWED' | 'REJECTED';

/**
 * Bankgiro: 7 or 8 digits, written NNN-NNNN or NNNN-NNNN, last digit a Luhn check digit.
 * Returns the written form.
 */
export function parseBankgiro(input: string, field = 'number'): string {
  const value = (input ?? '').trim();
  if (!/^[\d\s-]+$/.test(value)) throw new ValidationError(field, 'A bankgiro number has 7 or 8 digits, written NNN-NNNN or NNNN-NNNN.', 'INVALID_BANKGIRO');
  const digits = value.replace(/[\s-]/g, '');
  if (digits.length !== 7 && digits.length !== 8) throw new ValidationError(field, 'A bankgiro number has 7 or 8 digits, written NNN-NNNN or NNNN-NNNN.', 'INVALID_BANKGIRO');
  if (!luhnValid(digits)) throw new ValidationError(field, 'The bankgiro number is not valid: its check digit does not match.', 'INVALID_BANKGIRO');
  return `${digits.slice(0, digits.length - 4)}-${digits.slice(-4)}`;
}

/**
 * Plusgiro: 2 to 8 digits, the last one a Luhn check digit written after a hyphen
 * ("90 01 22-3", "900122-3"). Returns digits-hyphen-check digit.
 */
export function parsePlusgiro(input: string, field = 'number'): string {
  const value = (input ?? '').trim();
  if (!/^[\d\s-]+$/.test(value)) throw new ValidationError(field, 'A plusgiro number has 2 to 8 digits, the last after a hyphen (e.g. 90 01 22-3).', 'INVALID_PLUSGIRO');
  const digits = value.replace(/[\s-]/g, '');
  if (digits.length < 2 || digits.length > 8) throw new ValidationError(field, 'A plusgiro number has 2 to 8 digits, the last after a hyphen (e.g. 90 01 22-3).', 'INVALID_PLUSGIRO');
  if (!luhnValid(digits)) throw new ValidationError(field, 'The plusgiro number is not valid: its check digit does not match.', 'INVALID_PLUSGIRO');
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}

export function parseAccountNumber(type: PaymentAccountType, input: string, field = 'number'): string {
  return type === 'BANKGIRO' ? parseBankgiro(input, field) : parsePlusgiro(input, field);
}

export interface AccountState { id: string; isDefault: boolean }

/**
 * R-ORG-1 "exactly one default": the first account of an organisation is its default whatever
 * was asked; a new account asked to be default takes over from the old one.
 */
export function defaultForNewAccount(existing: AccountState[], requested: boolean | null | undefined): boolean {
  return existing.length === 0 || requested === true;
}

/** Un-marking the default would leave none: refused; the caller marks another account instead. */
export function checkDefaultChange(account: AccountState, requested: boolean | null | undefined): void {
  if (requested === false && account.isDefault) {
    throw new ValidationError('isDefault', 'An organisation has exactly one default account: mark another account as default instead.', 'ONE_DEFAULT_ACCOUNT');
  }
}

/** Removing the default while other accounts remain would leave none: refused. */
export function checkRemoval(account: AccountState, all: AccountState[]): void {
  if (account.isDefault && all.some((a) => a.id !== account.id)) {
    throw new ValidationError('id', 'This is the default account: mark another account as default before removing it.', 'DEFAULT_ACCOUNT_NOT_REMOVABLE');
  }
}

/** A changed type or number must be reviewed again by the authority. */
export function reviewStatusAfterChange(current: AccountReviewStatus, before: { type: string; number: string }, after: { type: string; number: string }): AccountReviewStatus {
  return before.type !== after.type || before.number !== after.number ? 'NOT_REVIEWED' : current;
}
