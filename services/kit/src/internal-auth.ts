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

/**
 * The end user's address (BankID's `endUserIp`). Only the gateway knows it: it takes it from the
 * socket, or from X-Forwarded-For when the direct peer is a configured trusted proxy, and passes it
 * on in `x-client-address` together with its service credential. A subgraph believes that header
 * only with a valid credential, and never a client's own X-Forwarded-For: otherwise the address is
 * the socket's (a caller that reaches a subgraph directly).
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

export function clientAddressOf(req: { headers: Record<string, unknown>; socket?: { remoteAddress?: string } } | undefined, secret: string): string {
  const socket = (req?.socket?.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const claimed = req?.headers[CLIENT_ADDRESS_HEADER];
  const given = Buffer.from(String(req?.headers[INTERNAL_SECRET_HEADER] ?? ''));
  const expected = Buffer.from(secret);
  const trusted = given.length === expected.length && timingSafeEqual(given, expected);
  return trusted && typeof claimed === 'string' && /^[0-9a-fA-F:.]{2,45}$/.test(claimed) ? claimed.replace(/^::ffff:/, '') : socket;
}
