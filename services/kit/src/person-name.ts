import { ValidationError } from './validation-error';

/**
 * R-SIGN-6: a person's given name or surname is a plain name — letters of the Latin script
 * (å, ä, ö, é, ü, ø, ß … included, at most two combining marks on a letter), single spaces,
 * hyphens and apostrophes between them, at most 100 characters. Nothing else: no line breaks,
 * markup, digits, punctuation, control, invisible or text-direction characters, and no letters of
 * right-to-left scripts, so a name can never reorder, hide or imitate a line of the signing text.
 * Free of Node imports: the web client's forms use the same rule.
 */
export const PERSON_NAME_MAX_LENGTH = 100;

const LETTER = "(?:\\p{Script=Latin}\\p{M}{0,2})";
const NAME = new RegExp(`^${LETTER}+(?:[ '’-]${LETTER}+)*$`, 'u');

/** Why a name is refused, or null when it is a plain name. Works on the NFC form, trimmed. */
export function personNameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > PERSON_NAME_MAX_LENGTH) return `must be at most ${PERSON_NAME_MAX_LENGTH} characters`;
  if (/[\r\n\u0085\u2028\u2029\v\f]/u.test(name)) return 'must be on one line';
  if (/[\p{Cc}]/u.test(name)) return 'must not contain control characters';
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(name)) return 'must not contain text-direction characters';
  if (/[\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u.test(name)) return 'must not contain invisible characters';
  if (/[*_~`#<>[\]()|\\{}]/u.test(name)) return 'must not contain markup';
  if (!NAME.test(name)) return "may only contain letters, single spaces, hyphens (-) and apostrophes (')";
  return null;
}

/**
 * The name as stored and shown: Unicode NFC, trimmed. Refuses anything else with a
 * ValidationError naming `field` (BAD_USER_INPUT, reason INVALID_NAME).
 */
export function parsePersonName(value: string | null | undefined, field: string, what = 'The name'): string {
  const name = (value ?? '').normalize('NFC').trim();
  const problem = personNameProblem(name);
  if (problem) throw new ValidationError(field, `${what} ${problem}.`, 'INVALID_NAME');
  return name;
}
