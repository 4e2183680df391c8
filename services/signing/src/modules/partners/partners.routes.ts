import express, { type Express, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SigningDeps } from '../../deps';
import { clientStatusOf, issueClientToken } from './partners.service';

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or the form body. */
function credentials(req: Request): { id: string; secret: string } | null {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (m) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') return { id: body.client_id, secret: body.client_secret };
  return null;
}

/** POST /oauth/token — the OAuth2 client-credentials grant for partner systems (R-AUTH-2). */
export function partnersRoutes(app: Express, orm: MikroORM, deps: SigningDeps): void {
  app.post('/oauth/token', express.urlencoded({ extended: false, limit: '10kb' }), express.json({ limit: '10kb' }), async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store').set('pragma', 'no-cache');
    const grant = (req.body as Record<string, unknown> | undefined)?.grant_type;
    if (grant !== 'client_credentials') {
      return void res.status(400).json({ error: grant ? 'unsupported_grant_type' : 'invalid_request', error_description: 'Use grant_type=client_credentials.' });
    }
    const creds = credentials(req);
    if (!creds) return void res.status(401).set('www-authenticate', 'Basic realm="behorig"').json({ error: 'invalid_client', error_description: 'Client authentication is required.' });
    const issued = await issueClientToken(orm.em.fork(), deps.key, creds.id, creds.secret, deps.tokenTtlSeconds);
    if (!issued) return void res.status(401).set('www-authenticate', 'Basic realm="behorig"').json({ error: 'invalid_client', error_description: 'Unknown or revoked client, or wrong secret.' });
    res.json({ access_token: issued.token, token_type: 'Bearer', expires_in: deps.tokenTtlSeconds });
  });

  /**
   * RFC 7662 token introspection, asked by the gateway and the other subgraphs on every partner
   * request (cached ≤ 5 s, R-AUTH-3). The question is the token itself, so the answer tells the
   * caller nothing it could not learn by using the token: no caller credential is needed.
   */
  app.post('/oauth/introspect', express.urlencoded({ extended: false, limit: '10kb' }), express.json({ limit: '10kb' }), async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || !token) return void res.status(400).json({ error: 'invalid_request', error_description: 'token is required.' });
    const actor = await deps.verifySignature(token).catch(() => null);
    if (!actor) return void res.json({ active: false });
    if (actor.kind !== 'client') return void res.json({ active: true, token_type: actor.kind });
    const status = await clientStatusOf(orm.em.fork(), actor.clientId);
    if (!status.active) return void res.json({ active: false });
    res.json({ active: true, token_type: 'client', client_id: actor.clientId, scope: status.functions.join(' '), ...(actor.jti ? { jti: actor.jti } : {}) });
  });
}
