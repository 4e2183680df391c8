import type { CombinedError } from 'urql';
import { genericReason, isReason, type Reason } from '@behorig/kit/reasons';
import { reasonsSv } from '../i18n/reasons-sv';
import { reasonsEn } from '../i18n/reasons-en';

export type ErrorLang = 'sv' | 'en';

/** The texts people read for each refusal reason (kit's catalogue), per language. */
export const reasonTexts: Record<ErrorLang, Record<Reason, string>> = { sv: reasonsSv, en: reasonsEn };

/** The language the UI is showing: I18nProvider keeps it on `<html lang>`. */
export function currentLang(): ErrorLang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'sv';
}

interface ApiErrorLike { extensions?: Record<string, unknown> | null }

/** The catalogued reason of an API error; an unknown or missing one falls back to its code's generic reason. */
export const reasonOf = (e: ApiErrorLike): Reason => {
  const reason = e.extensions?.reason;
  return isReason(reason) ? reason : genericReason(e.extensions?.code);
};

/**
 * What a person reads for an API error: the text of its reason in the UI's language. Never the
 * server's `message` (English, with rule ids and internal codes), not even as a fallback.
 */
export const errorText = (e: ApiErrorLike, lang: ErrorLang = currentLang()): string => reasonTexts[lang][reasonOf(e)];

/** Every error of a failed request as readable texts (a network failure reads as "not answering"). */
export function errorTexts(error: CombinedError | undefined | null, lang: ErrorLang = currentLang()): string[] {
  if (!error) return [];
  const texts = error.graphQLErrors.map((e) => errorText(e, lang));
  if (error.networkError) texts.push(reasonTexts[lang].SERVICE_UNAVAILABLE);
  if (texts.length === 0) texts.push(reasonTexts[lang].INTERNAL_ERROR);
  return [...new Set(texts)];
}

/**
 * API errors by input field: BAD_USER_INPUT carries `extensions.field` ("input.personalNumber");
 * the form shows the reason's text next to the field of that name (the last path segment).
 */
export function apiFieldErrors(error: CombinedError | undefined | null, lang: ErrorLang = currentLang()): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!error) return { fields, general };
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.field;
    if (typeof field === 'string' && field) fields[field.split('.').pop()!] = errorText(e, lang);
    else general.push(errorText(e, lang));
  }
  if (error.networkError) general.push(reasonTexts[lang].SERVICE_UNAVAILABLE);
  return { fields, general: [...new Set(general)] };
}

/**
 * A sign order the access service refused to apply names why in `applyError` (its lower-case
 * answer, e.g. `signer_not_administrator`); as a catalogued reason so it reads like any refusal.
 */
const APPLY_ERRORS: Record<string, Reason> = {
  signer_not_administrator: 'SIGNER_NOT_ADMINISTRATOR',
  digest_mismatch: 'SIGNATURE_OUTDATED',
  not_signing: 'NOT_BEING_SIGNED',
  no_administrator_left: 'LAST_ADMINISTRATOR',
  stale_change: 'CHANGED_AFTER_PROPOSAL',
  not_found: 'CHANGE_NOT_FOUND',
};
export function applyErrorText(applyError: string | null | undefined, lang: ErrorLang = currentLang()): string {
  const code = applyError ?? '';
  const reason: Reason = APPLY_ERRORS[code] ?? (isReason(code.toUpperCase()) ? (code.toUpperCase() as Reason) : 'INTERNAL_ERROR');
  return reasonTexts[lang][reason];
}
