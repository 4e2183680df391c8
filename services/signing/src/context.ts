import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit';
import type { Request } from 'express';
import type { SigningDeps } from './deps';
import { createLoaders, type Loaders } from './loaders';
import type { ApiClientRow } from './entities/api-client.entity';

/** Per request: the verified actor, ONE EntityManager fork and per-request loaders. */
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

/** `req.ip` may be an IPv4-mapped IPv6 address; BankID wants the plain form. */
export const endUserIp = (req: Request | undefined): string => {
  const ip = req?.ip ?? req?.socket?.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
};

export const contextFactory = (deps: SigningDeps) => (actor: Actor | null, em: EntityManager, req: Request): Context => ({
  actor,
  em,
  authorization: req?.headers?.authorization ?? null,
  ip: endUserIp(req),
  deps,
  loaders: createLoaders(em),
  permissions: new Map(),
});

/** Entities owned by other subgraphs are known here only by their key. */
export type EntityRef = { id: string };
export type SessionResult = { token: string; expiresAt: Date; personId: string | null; authority: boolean };
export type ApiClientCredentialsResult = { client: ApiClientRow; clientSecret: string };
