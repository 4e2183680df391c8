/**
 * The `organisations(search:)` term: names match case-insensitively anywhere; a term that is an
 * organisation number written without its hyphen (or with the 16 prefix) is turned into the
 * stored `NNNNNN-NNNN` form so "2120002809" finds "212000-2809".
 */
export function normaliseSearch(input: string | null | undefined): string | null {
  const value = (input ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!value) return null;
  const digits = /^(?:16)?(\d{7,10})$/.exec(value);
  if (digits && (value.length !== 12 || value.startsWith('16'))) return `${digits[1].slice(0, 6)}-${digits[1].slice(6)}`;
  return value;
}
