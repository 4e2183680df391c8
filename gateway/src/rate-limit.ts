import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '@behorig/kit/auth';
import type { Logger } from '@behorig/kit/server';

/**
 * Requests allowed per window (docs/operations.md, "Rate limits"). Log-in and the OAuth token
 * endpoint are stricter: each log-in starts a BankID order and a database row, each token request
 * a secret comparison, so a flood of either costs far more than a read.
 */
export interface RateLimits {
  /** Any request, per client address. Generous: a municipality's whole staff may share one NAT address. */
  perAddress: number;
  /** GraphQL operations per signed-in person or partner client, whichever address they come from. */
  perCaller: number;
  /** `startLogin` per client address. */
  login: number;
  /** `POST /oauth/token` per client address. */
  token: number;
  windowSeconds: number;
}
export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 1200, perCaller: 600, login: 20, token: 30, windowSeconds: 60 };

/** Where the counters live: in this process, or shared by every gateway replica. */
export type RateLimitStore = { kind: 'memory' } | { kind: 'redis'; url: string } | { kind: 'postgres'; url: string };

export type RateLimitKind = 'address' | 'caller' | 'login' | 'token';

export interface RateLimiter {
  /** Counts one request; resolves to the seconds to wait when the limit is exceeded, else null. */
  take(kind: RateLimitKind, key: string): Promise<number | null>;
  close(): Promise<void>;
  limits: RateLimits;
}

/**
 * One limiter per kind of limit in the chosen store. A shared store that stops answering does not
 * stop the gateway: each replica then counts in memory (the insurance limiter) until it is back.
 */
export async function createRateLimiter(limits: RateLimits, store: RateLimitStore, logger: Logger, onRefused?: (kind: RateLimitKind) => void): Promise<RateLimiter> {
  const points: Record<RateLimitKind, number> = { address: limits.perAddress, caller: limits.perCaller, login: limits.login, token: limits.token };
  const kinds = Object.keys(points) as RateLimitKind[];
  const memory = (kind: RateLimitKind) => new RateLimiterMemory({ keyPrefix: `behorig-${kind}`, points: points[kind], duration: limits.windowSeconds });
  const limiters = {} as Record<RateLimitKind, RateLimiterAbstract>;
  let close = async () => {};

  if (store.kind === 'memory') {
    for (const kind of kinds) limiters[kind] = memory(kind);
  } else if (store.kind === 'redis') {
    const { Redis } = await import('ioredis');
    const redis = new Redis(store.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    redis.on('error', (err) => logger.warn({ err: err.message }, 'rate-limit store (Redis) unavailable; counting in memory'));
    await redis.connect().catch((err: Error) => logger.warn({ err: err.message }, 'rate-limit store (Redis) not reachable at start; counting in memory'));
    for (const kind of kinds) {
      limiters[kind] = new RateLimiterRedis({ storeClient: redis, keyPrefix: `behorig-${kind}`, points: points[kind], duration: limits.windowSeconds, rejectIfRedisNotReady: true, insuranceLimiter: memory(kind) });
    }
    close = async () => { redis.disconnect(); };
  } else {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: store.url, max: 4 });
    pool.on('error', (err) => logger.warn({ err: err.message }, 'rate-limit store (PostgreSQL) error'));
    await createRateLimitTable(pool);
    for (const [i, kind] of kinds.entries()) {
      // One table for every kind (keys carry the kind); one limiter clears expired rows.
      limiters[kind] = new RateLimiterPostgres(
        { storeClient: pool, storeType: 'pool', tableName: RATE_LIMIT_TABLE, tableCreated: true, keyPrefix: `behorig-${kind}`, points: points[kind], duration: limits.windowSeconds, clearExpiredByTimeout: i === 0, insuranceLimiter: memory(kind) },
      );
    }
    close = async () => { await pool.end(); };
  }

  return {
    limits,
    async take(kind, key) {
      try {
        await limiters[kind].consume(key, 1);
        return null;
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          onRefused?.(kind);
          return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        }
        // The store failed and no insurance answered: let the request through rather than refuse everyone.
        logger.warn({ err: e instanceof Error ? e.message : String(e), kind }, 'rate limiter failed; request allowed');
        return null;
      }
    },
    close,
  };
}

const RATE_LIMIT_TABLE = 'gateway_rate_limits';

/**
 * Creates the shared counters' table (the shape rate-limiter-flexible expects). Replicas of a
 * rollout start together, and concurrent CREATE TABLE IF NOT EXISTS collides in PostgreSQL's
 * catalogue ("type … already exists"), so creation waits on a transaction-scoped advisory lock:
 * the first replica creates the table, the others then find it. Transaction-scoped, so it is
 * safe behind a transaction-pooling PgBouncer (docs/deploy.md).
 */
async function createRateLimitTable(pool: import('pg').Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('behorig gateway rate-limit table'))");
    await client.query(`CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

export const rateLimitedMessage = (retryAfter: number) => `Too many requests; try again in ${retryAfter} s.`;

/** The GraphQL error of a refusal: HTTP 429 with Retry-After, like the plain-HTTP refusals. */
export function rateLimitedError(reason: string, retryAfter: number) {
  return new GraphQLError(rateLimitedMessage(retryAfter), {
    extensions: { code: 'RATE_LIMITED', reason, retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } },
  });
}

/** Express middleware: one `kind` limit keyed by the client address (`req.ip`, see trust proxy). */
export function limitByAddress(limiter: RateLimiter | null, kind: RateLimitKind, reason: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!limiter) return next();
    const wait = await limiter.take(kind, clientAddress(req));
    if (wait === null) return next();
    res.status(429).set('retry-after', String(wait)).json({
      errors: [{ message: rateLimitedMessage(wait), extensions: { code: 'RATE_LIMITED', reason, retryAfterSeconds: wait } }],
    });
  };
}

/** The client's address as express resolved it (the socket, or X-Forwarded-For from a trusted proxy). */
export const clientAddress = (req: Request): string => (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

/**
 * Who is asking, as a rate-limit key that reveals nobody: a person by a hash of their id (never a
 * personal number in a shared store, R-USR-1), a partner client by its client id.
 */
export function callerKey(actor: Actor | null): string | null {
  if (!actor) return null;
  if (actor.kind === 'client') return `client:${actor.clientId}`;
  if (actor.kind === 'person') {
    const who = actor.personId ?? (actor.authority ? 'authority' : '');
    return `person:${createHash('sha256').update(`behorig-rate:${who}`).digest('hex').slice(0, 32)}`;
  }
  return null;
}

const selectsRootField = (document: DocumentNode, operationName: string | null | undefined, field: string): boolean => {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  return !!op && op.operation === 'mutation' && op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === field);
};

/**
 * Per-operation limits, once the operation and the caller are known: `startLogin` per address,
 * everything per signed-in person or partner client. Refused before the gateway plans anything,
 * so a refused `startLogin` creates no BankID order.
 */
export function rateLimitPlugin<C extends { actor: Actor | null; clientAddress?: string }>(limiter: RateLimiter): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, contextValue }) {
          if (selectsRootField(document, operationName, 'startLogin')) {
            const wait = await limiter.take('login', contextValue.clientAddress ?? 'unknown');
            if (wait !== null) throw rateLimitedError('TOO_MANY_LOGINS', wait);
          }
          const caller = callerKey(contextValue.actor);
          if (caller) {
            const wait = await limiter.take('caller', caller);
            if (wait !== null) throw rateLimitedError('TOO_MANY_REQUESTS_FROM_CALLER', wait);
          }
        },
      };
    },
  };
}
