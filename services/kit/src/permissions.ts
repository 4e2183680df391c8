import { isAuthority, type Actor } from './auth';
import { forbidden, serviceUnavailable, unauthenticated } from './errors';
import type { Reason } from './reasons';
import { stockholmDate } from './dates';

/** Function codes of the role matrix (R-ROLE-2a), e.g. MANAGE_USERS, CONTACT_PERSON. */
export type FunctionCode = 'CONTACT_PERSON' | 'ACCOUNT_INFO' | 'PERFORMING_UNIT' | 'MANAGE_USERS' | (string & {});
export type AccessLevel = 'READ' | 'UPDATE';

/**
 * Where a person's answer comes from: the access subgraph owns roles, periods and the role matrix
 * (R-ROLE-2). `authorization` is the caller's own header, so access answers for the same caller.
 * Throws SERVICE_UNAVAILABLE when there is no definite answer; never a silent "no" or "yes".
 */
export interface PermissionSource {
  can(authorization: string, organisationId: string, fn: FunctionCode, access: AccessLevel): Promise<boolean>;
}

const MY_ACCESS = `query PermissionClientCan($organisationId: ID!, $function: String!, $access: Access!) {
  myAccess(organisationId: $organisationId, function: $function, access: $access) { allowed reason }
}`;

const unavailable = (detail: string) =>
  serviceUnavailable(`Permissions cannot be checked right now (${detail}). Try again shortly.`, 'PERMISSION_SERVICE_UNAVAILABLE');

/**
 * The production PermissionSource: POSTs `myAccess` to the access subgraph's GraphQL endpoint with
 * the caller's Authorization header, within `timeoutMs` (default 5 s).
 * - allowed true/false: that answer;
 * - UNAUTHENTICATED: the caller's token is not accepted there either, so UNAUTHENTICATED here;
 * - FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (a question about an organisation the caller has nothing
 *   to do with, or an id that names nothing): a definite "no";
 * - unreachable, timed out, not GraphQL, any other error: SERVICE_UNAVAILABLE
 *   (PERMISSION_SERVICE_UNAVAILABLE), nothing was changed and the client may retry.
 */
export function createHttpPermissionSource(opts: { accessUrl: string; timeoutMs?: number; fetch?: typeof fetch }): PermissionSource {
  const doFetch = opts.fetch ?? fetch;
  return {
    async can(authorization, organisationId, fn, access) {
      let res: Response;
      try {
        res = await doFetch(opts.accessUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: MY_ACCESS, variables: { organisationId, function: fn, access } }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
        });
      } catch {
        throw unavailable('the access service cannot be reached');
      }
      let body: { data?: { myAccess?: { allowed?: unknown } | null } | null; errors?: { extensions?: { code?: string } }[] };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw unavailable(`the access service answered HTTP ${res.status} without a GraphQL response`);
      }
      const allowed = body?.data?.myAccess?.allowed;
      if (typeof allowed === 'boolean') return allowed;
      const code = body?.errors?.[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED') throw unauthenticated();
      if (code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return false;
      throw unavailable('the access service gave no decision');
    },
  };
}

/**
 * The one question a subgraph other than access asks about permissions (R-ROLE-2): may this actor
 * use `fn` at `access` level in `organisationId` today? Bound to one request's actor and
 * Authorization header, and memoised, so one request asks each question at most once.
 */
export interface PermissionClient {
  can(fn: FunctionCode, access: AccessLevel, organisationId: string): Promise<boolean>;
  /** FORBIDDEN (`FUNCTION_REQUIRED`, or `reason` when given) unless allowed. */
  require(fn: FunctionCode, access: AccessLevel, organisationId: string, refusal?: { message: string; reason: Reason }): Promise<void>;
  /** FORBIDDEN (`AUTHORITY_ONLY`) unless the actor is the authority; UNAUTHENTICATED without one. */
  requireAuthority(what: string): void;
}

/**
 * A per-process cache of a person's decisions, shared by every request of the process (the
 * implementation that LISTENs for changes of access's permission index is `createDecisionCache` in
 * `@behorig/kit/db`; R-SCOPE-4). A decision is stored only when no change was announced while it
 * was being fetched (`generation`), and the cache serves nothing while it cannot hear changes.
 */
export interface DecisionCacheLike {
  generation(): number;
  get(key: string): boolean | undefined;
  set(key: string, value: boolean, generation: number): void;
}

/** The key of one decision: who asks, where, what, at which level, on which day (Europe/Stockholm). */
export const decisionKey = (actor: string, organisationId: string, fn: string, access: string, day: string) =>
  `${actor}|${organisationId}|${fn}|${access}|${day}`;

export interface PermissionClientOptions {
  /** Decisions for people, cached per process across requests (keyed by person, organisation, function, access, day). */
  cache?: DecisionCacheLike;
  /** Today's date for the cache key (tests); default Europe/Stockholm now. */
  today?: () => string;
}

/**
 * - no actor: UNAUTHENTICATED;
 * - the authority: always (R-ROLE-3), without asking;
 * - a partner client: exactly its token's functions in its one organisation (R-AUTH-2, R-AUTH-3),
 *   decided here as access decides it (the verifier has already checked the client's revocation);
 * - a service: never (services act for no organisation);
 * - a person: as the access service answers (`source`), with the caller's own token.
 */
export function createPermissionClient(actor: Actor | null, source: PermissionSource, authorization: string | undefined, opts: PermissionClientOptions = {}): PermissionClient {
  const memo = new Map<string, Promise<boolean>>();
  const can = (fn: FunctionCode, access: AccessLevel, organisationId: string): Promise<boolean> => {
    if (!actor) return Promise.reject(unauthenticated());
    if (isAuthority(actor)) return Promise.resolve(true);
    if (actor.kind === 'client') return Promise.resolve(actor.organisationId === organisationId && actor.functions.includes(fn));
    if (actor.kind !== 'person' || !authorization) return Promise.resolve(false);
    const key = `${fn}|${access}|${organisationId}`;
    let answer = memo.get(key);
    if (!answer) {
      const cache = actor.personId ? opts.cache : undefined;
      const shared = cache ? decisionKey(`person:${actor.personId}`, organisationId, fn, access, (opts.today ?? stockholmDate)()) : '';
      const hit = cache?.get(shared);
      if (hit !== undefined) answer = Promise.resolve(hit);
      else {
        const generation = cache?.generation() ?? 0;
        answer = source.can(authorization, organisationId, fn, access).then((allowed) => {
          cache?.set(shared, allowed, generation);
          return allowed;
        });
      }
      memo.set(key, answer);
    }
    return answer;
  };
  return {
    can,
    async require(fn, access, organisationId, refusal) {
      if (!(await can(fn, access, organisationId))) {
        throw refusal ? forbidden(refusal.message, refusal.reason) : forbidden(`You need ${fn} ${access} in this organisation to do this.`, 'FUNCTION_REQUIRED');
      }
    },
    requireAuthority(what) {
      if (!actor) throw unauthenticated();
      if (!isAuthority(actor)) throw forbidden(`Only the authority may ${what}.`, 'AUTHORITY_ONLY');
    },
  };
}
