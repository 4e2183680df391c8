import type { CombinedError } from 'urql';

/**
 * API errors by input field: BAD_USER_INPUT carries `extensions.field` ("input.personalNumber");
 * the form shows the message next to the field of that name (the last path segment).
 */
export function apiFieldErrors(error: CombinedError | undefined | null): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!error) return { fields, general };
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.field;
    if (typeof field === 'string' && field) fields[field.split('.').pop()!] = e.message;
    else general.push(e.message);
  }
  if (error.networkError) general.push(error.networkError.message);
  return { fields, general };
}
