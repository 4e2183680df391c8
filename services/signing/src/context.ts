import type { EntityManager } from '@mikro-orm/postgresql';
import { clientAddressOf, type Actor } from '@behorig/kit';
import type { Request } from 'express';
import type { SigningDeps } from './deps';
import { ordersLoaders } from './modules/orders/orders.store';
import { partnersLoaders } from './modules/partners/partners.store';
import { webhooksLoaders } from './modules/webhooks/webhooks.store';
import type { ApiClientRow } from './modules/partners/partners.store';

/** Per request: the verified actor, ONE EntityManager fork and the stores' per-request loaders. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  /** The caller's own Authorization header, forwarded when signing asks access about them. */
  authorization: string | null;
  /** The end user's IP as BankID wants it (`endUserIp`). */
  ip: string;
  deps: SigningDeps;
  loaders: Loaders;
  /** Per-request memo of permission answers, so one query asks access once per question. */
  permissions: Map<string, Promise<boolean>>;
}

/** BankID's `endUserIp`: the address the gateway vouches for, else the socket's (kit clientAddressOf). */
export const endUserIp = (req: Request | undefined, secret: string): string => clientAddressOf(req as never, secret);

const createLoaders = (em: EntityManager) => ({ ...ordersLoaders(em), ...partnersLoaders(em), ...webhooksLoaders(em) });
export type Loaders = ReturnType<typeof createLoaders>;

export const contextFactory = (deps: SigningDeps) => (actor: Actor | null, em: EntityManager, req: Request): Context => ({
  actor,
  em,
  authorization: req?.headers?.authorization ?? null,
  ip: endUserIp(req, deps.internalSecret),
  deps,
  loaders: createLoaders(em),
  permissions: new Map(),
});

/** Entities owned by other subgraphs are known here only by their key. */
export type EntityRef = { id: string };
export type SessionResult = { token: string; expiresAt: Date; personId: string | null; authority: boolean };
export type ApiClientCredentialsResult = { client: ApiClientRow; clientSecret: string };
