import { badInput, isUuid } from '@behorig/kit/errors';

/** The function codes of R-ROLE-2a a partner system can be granted. */
export const FUNCTION_CODES = [
  'MANAGE_USERS', 'CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT', 'DOCUMENTS', 'DEVIATION_REPORT', 'JOINT_PLANNING',
  'MONTHLY_REPORT', 'REQUEST_COMPENSATION', 'FOLLOW_UP_COMPENSATION', 'VIEW_NEW_PARTICIPANTS', 'ASSIGN_SUPERVISOR',
  'REMOVE_CANCELLED_PARTICIPANT', 'VIEW_PARTICIPANTS', 'PLAN_ACTIVITIES', 'REPORTS', 'ADMISSION', 'STUDENT_ADMIN',
  'COMPENSATION', 'GRADES', 'NATIONAL_TESTS', 'END_STAFF',
] as const;

/** Pure input checks (no I/O): a refusal names the field. */
export function validateApiClientInput(organisationId: string, name: string, functions: readonly string[], known: readonly string[] = FUNCTION_CODES as readonly string[]) {
  if (!isUuid(organisationId)) throw badInput('organisationId', 'organisationId must be an organisation id (UUID).', 'MALFORMED_ID');
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 100) throw badInput('name', 'The name must be 2–100 characters.', 'TEXT_TOO_LONG');
  if (functions.length === 0) throw badInput('functions', 'Grant at least one function.', 'NO_FUNCTIONS_CHOSEN');
  const unknown = functions.filter((f) => !known.includes(f));
  if (unknown.length) throw badInput('functions', `Unknown function code(s): ${unknown.join(', ')}. Known: ${known.join(', ')}.`, 'UNKNOWN_FUNCTION');
  return { name: trimmed, functions: [...new Set(functions)].sort() };
}
