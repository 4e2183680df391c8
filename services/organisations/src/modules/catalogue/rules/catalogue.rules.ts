import { ValidationError } from '@behorig/kit/errors';

/** R-ORG-2 service codes are API identifiers: upper case, digits and underscores ("RUSTA_OCH_MATCHA"). */
export function parseServiceCode(input: string, field = 'code'): string {
  const value = (input ?? '').trim();
  if (!/^[A-Z][A-Z0-9_]{1,49}$/.test(value)) {
    throw new ValidationError(field, 'A service code is 2–50 capital letters, digits or underscores, starting with a letter (e.g. RUSTA_OCH_MATCHA).', 'INVALID_SERVICE_CODE');
  }
  return value;
}

/** R-ORG-5: every named school form must be in the catalogue; duplicates collapse. */
export function checkSchoolForms(requested: readonly string[], catalogue: readonly string[], field = 'schoolFormCodes'): string[] {
  const unique = [...new Set(requested)];
  const unknown = unique.filter((c) => !catalogue.includes(c));
  if (unknown.length) throw new ValidationError(field, `Unknown school form${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known: ${catalogue.join(', ')}.`, 'UNKNOWN_SCHOOL_FORM');
  return unique;
}
