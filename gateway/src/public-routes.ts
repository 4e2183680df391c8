import express, { type Express, type Request, type Response } from 'express';
import type { Agent } from 'undici';
import { request } from 'undici';
import type { Logger } from '@behorig/kit/server';
import { limitByAddress, type RateLimiter } from './rate-limit';

/** Headers passed on in each direction; nothing else (no cookies, no hop-by-hop headers). */
const REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'traceparent', 'tracestate', 'x-request-id'];
const RESPONSE_HEADERS = ['content-type', 'cache-control', 'content-disposition', 'retry-after', 'www-authenticate', 'pragma'];

/**
 * The signing service's public HTTP endpoints at the gateway's address, because a deployment
 * publishes only the gateway and the web client: partner systems get tokens (`POST /oauth/token`,
 * R-AUTH-2), and anyone can fetch the keys (`/.well-known/jwks.json`) and an organisation's audit
 * export (`/audit/export`, which checks its own authorisation) to verify receipts and the chain
 * offline. Each is a plain proxy; signing answers exactly as if reached directly.
 */
export function mountPublicRoutes(app: Express, opts: { signingBaseUrl: string; agent: Agent; limiter: RateLimiter | null; logger: Logger }) {
  const base = opts.signingBaseUrl.replace(/\/+$/, '');
  const proxy = (path: string) => async (req: Request, res: Response) => {
    const headers: Record<string, string> = {};
    for (const h of REQUEST_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      const upstream = await request(`${base}${path}${query}`, {
        method: req.method as 'GET' | 'POST',
        headers,
        body: req.method === 'POST' && Buffer.isBuffer(req.body) ? req.body : undefined,
        dispatcher: opts.agent,
      });
      res.status(upstream.statusCode);
      for (const h of RESPONSE_HEADERS) {
        const v = upstream.headers[h];
        if (v !== undefined) res.setHeader(h, v);
      }
      for await (const chunk of upstream.body) res.write(chunk);
      res.end();
    } catch (e) {
      opts.logger.warn({ err: e instanceof Error ? e.message : String(e), path }, 'signing service unreachable for a public endpoint');
      if (!res.headersSent) res.status(503).json({ error: 'temporarily_unavailable', error_description: 'The signing service cannot be reached right now; try again shortly.' });
      else res.end();
    }
  };

  app.post('/oauth/token', limitByAddress(opts.limiter, 'token', 'TOO_MANY_TOKEN_REQUESTS'), express.raw({ type: () => true, limit: '10kb' }), proxy('/oauth/token'));
  app.get('/.well-known/jwks.json', proxy('/.well-known/jwks.json'));
  app.get('/audit/export', proxy('/audit/export'));
}
