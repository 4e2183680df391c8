import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal identity numbers are redacted wherever they appear under
 * the usual keys, because logs travel to places the database does not (R-USR-1).
 */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['personalNumber', '*.personalNumber', 'pnr', '*.pnr', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
