import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-context';

export type { Logger };

/**
 * A Swedish personal identity or coordination number in any of its written forms (YYMMDDNNNN,
 * YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDDNNNN, YYYYMMDD-NNNN): a plausible month and day (61–91 for
 * coordination numbers) so that organisation numbers (month digits ≥ 20), timestamps and other
 * runs of digits are left alone; not inside longer words or UUID segments.
 */
export const PERSONAL_NUMBER_PATTERN =
  /(?<![0-9A-Za-z])(?<![0-9A-Fa-f]-)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?![0-9A-Za-z])(?!-[0-9A-Fa-f])/g;

/** Replaces every personal number in a text (a whole serialised log line). */
export const redactPersonalNumbers = (text: string): string => text.replace(PERSONAL_NUMBER_PATTERN, '[redacted]');

/**
 * Structured JSON logs. Personal identity numbers are redacted wherever they appear under
 * the usual keys, because logs travel to places the database does not (R-USR-1) — and, as a
 * safety net, wherever else they appear in the finished line (a URL path, an error message, a
 * key nobody thought of). `destination` defaults to stdout; tests pass a capturing stream.
 */
export function createLogger(name: string, level = 'info', destination?: DestinationStream): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['personalNumber', '*.personalNumber', 'pnr', '*.pnr', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
    hooks: { streamWrite: redactPersonalNumbers },
    // Every line written while serving a request names it (docs/operations.md, "Logs").
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, destination);
}
