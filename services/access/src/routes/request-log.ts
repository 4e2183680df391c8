import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '@behorig/kit/server';

/**
 * One debug line per HTTP request (method, path, status, duration) and one error line per failure
 * of a non-GraphQL route. Paths can carry personal numbers (GET /internal/people/by-personal-number/…):
 * the kit logger redacts them from every finished line, which access-log-redaction.test.ts proves.
 * GraphQL bodies (variables) are never logged.
 */
export function requestLog(logger: Logger) {
  return (app: Express) => {
    app.use((req: Request, res: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        logger.debug({ method: req.method, path: req.originalUrl, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
      });
      next();
    });
  };
}

/** Express's default handler would print the stack to stderr unredacted; this logs through pino instead. */
export function errorLog(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    logger.error({ err, path: req.originalUrl }, 'unexpected error in an internal route');
    if (res.headersSent) return next(err);
    res.status(500).json({ error: 'internal_error' });
  };
}
