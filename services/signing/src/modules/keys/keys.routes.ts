import type { Express } from 'express';
import type { PublishedKeys } from './keys.service';

/** GET /.well-known/jwks.json — every published key (current and retired), for the gateway, the subgraphs and anyone verifying a receipt. */
export function keysRoutes(app: Express, published: PublishedKeys): void {
  // No "trust proxy": a client's X-Forwarded-For is ignored; the gateway vouches for the
  // address in x-client-address (kit clientAddressOf).
  app.get('/.well-known/jwks.json', async (_req, res, next) => {
    try {
      res.set('cache-control', 'public, max-age=60').json(await published.jwks());
    } catch (e) {
      next(e);
    }
  });
}
