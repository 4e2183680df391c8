import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Service-to-service endpoints (`/internal/...`) are not part of the public graph: the gateway
 * never routes to them, and each call must carry the shared `x-internal-secret`
 * (env INTERNAL_SECRET; a development default is refused in production by each env.ts).
 */
export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
export const DEV_INTERNAL_SECRET = 'behorig-dev-internal-secret';

export function requireInternalSecret(secret: string) {
  const expected = Buffer.from(secret);
  return (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(String(req.headers[INTERNAL_SECRET_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ error: 'unauthorised', message: 'missing or wrong internal secret' });
      return;
    }
    next();
  };
}

export const internalHeaders = (secret: string, authorization?: string): Record<string, string> => ({
  'content-type': 'application/json',
  [INTERNAL_SECRET_HEADER]: secret,
  ...(authorization ? { authorization } : {}),
});
