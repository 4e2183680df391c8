/**
 * CSV of the staff list (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read å, ä, ö).
 * R-USR-1: birth dates only, never full personal numbers — the export is built from the list's own
 * rows, which never carry one.
 */
export interface CsvStaffRow {
  surname: string;
  givenName: string;
  birthDate: string;
  email: string;
  roles: string;
  units: string;
  validFrom: string;
  validTo: string;
  status: string;
}

/**
 * One cell. A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * prefixed with an apostrophe (OWASP CSV injection); quotes, separators and line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function staffCsv(header: string[], rows: CsvStaffRow[]): string {
  const lines = [header, ...rows.map((r) => [r.surname, r.givenName, r.birthDate, r.email, r.roles, r.units, r.validFrom, r.validTo, r.status])];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary link (the browser's own download). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
