import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { REASONS, REASON_NAMES } from '@behorig/kit/reasons';
import { reasonsSv } from './reasons-sv';
import { reasonsEn } from './reasons-en';
import { apiFieldErrors, applyErrorText, errorText, errorTexts } from '../api/errors';

/** Things that must never reach a reader: rule ids, internal codes (UPPER_SNAKE or lower_snake). */
const INTERNAL = /\bR-[A-Z]+-\d|\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+_[a-z_]+\b/;

describe('the reason dictionaries', () => {
  it('walks every reason in kit\'s catalogue: both dictionaries have a text for it', () => {
    expect(REASON_NAMES.length).toBeGreaterThan(50);
    for (const reason of REASON_NAMES) {
      expect(reasonsSv[reason]?.trim(), `sv ${reason}`).toBeTruthy();
      expect(reasonsEn[reason]?.trim(), `en ${reason}`).toBeTruthy();
    }
  });

  it('has no entries the catalogue does not know', () => {
    expect(Object.keys(reasonsSv).sort()).toEqual([...REASON_NAMES].sort());
    expect(Object.keys(reasonsEn).sort()).toEqual([...REASON_NAMES].sort());
  });

  it('says it in plain words: no rule id or internal code in either language', () => {
    for (const reason of REASON_NAMES) {
      expect(reasonsSv[reason], `sv ${reason}`).not.toMatch(INTERNAL);
      expect(reasonsEn[reason], `en ${reason}`).not.toMatch(INTERNAL);
    }
  });

  it('the Swedish text is Swedish, not the English one or the catalogue\'s developer note', () => {
    for (const reason of REASON_NAMES) {
      expect(reasonsSv[reason], reason).not.toBe(reasonsEn[reason]);
      expect(reasonsSv[reason], reason).not.toBe(REASONS[reason].meaning);
    }
  });
});

describe('API errors as people read them', () => {
  const err = (message: string, extensions: Record<string, unknown>) => new GraphQLError(message, { extensions });

  it('shows the reason\'s text, never the server message', () => {
    const e = err('A permission administrator cannot have an end date (R-PERIOD-3).', { code: 'BAD_USER_INPUT', reason: 'ADMINISTRATOR_NEEDS_NO_END_DATE', field: 'input.validTo' });
    expect(errorText(e, 'sv')).toBe(reasonsSv.ADMINISTRATOR_NEEDS_NO_END_DATE);
    expect(errorText(e, 'en')).toBe(reasonsEn.ADMINISTRATOR_NEEDS_NO_END_DATE);
  });

  it('falls back to the code\'s generic translated text for an unknown or missing reason', () => {
    expect(errorText(err('this change set is SIGNING', { code: 'CONFLICT', reason: 'SOMETHING_NEW' }), 'sv')).toBe(reasonsSv.CONFLICT);
    expect(errorText(err('Not allowed', { code: 'FORBIDDEN' }), 'sv')).toBe(reasonsSv.NOT_PERMITTED);
    expect(errorText(err('boom', {}), 'sv')).toBe(reasonsSv.INTERNAL_ERROR);
  });

  it('puts field errors next to the field (last path segment), the rest in general; network trouble reads as not answering', () => {
    const error = new CombinedError({
      graphQLErrors: [
        err('The end date may be at the latest 2027-12-31.', { code: 'BAD_USER_INPUT', reason: 'END_DATE_AFTER_NEXT_YEAR', field: 'input.validTo' }),
        err('You need MANAGE_USERS', { code: 'FORBIDDEN', reason: 'MANAGE_USERS_REQUIRED' }),
      ],
    });
    expect(apiFieldErrors(error, 'sv')).toEqual({ fields: { validTo: reasonsSv.END_DATE_AFTER_NEXT_YEAR }, general: [reasonsSv.MANAGE_USERS_REQUIRED] });
    expect(errorTexts(new CombinedError({ networkError: new Error('Failed to fetch') }), 'en')).toEqual([reasonsEn.SERVICE_UNAVAILABLE]);
  });

  it('a sign order refused on apply (signer_not_administrator, …) reads like any refusal', () => {
    expect(applyErrorText('signer_not_administrator', 'sv')).toBe(reasonsSv.SIGNER_NOT_ADMINISTRATOR);
    expect(applyErrorText('no_administrator_left', 'en')).toBe(reasonsEn.LAST_ADMINISTRATOR);
    expect(applyErrorText('http_502', 'sv')).toBe(reasonsSv.INTERNAL_ERROR);
  });
});
