import { forbidden, isAuthority, requireActor, serviceUnavailable, unauthenticated, type Actor } from '@behorig/kit';
import { AccessUnavailableError, type AccessClient } from '../clients/access.client';

/**
 * The one place where the signing subgraph decides who may see or do what (docs/security.md).
 * Root fields, nested fields, every `__resolveReference` and the HTTP routes ask the functions
 * here; nothing else in signing compares actors with organisations.
 */

/** Who is asking, as every decision sees it: the same from a resolver (the Context) and from an HTTP route. */
export interface Caller {
  actor: Actor | null;
  /** The caller's own Authorization header: access is asked about them with their own token. */
  authorization: string | null;
  deps: { access: Pick<AccessClient, 'can'> };
  /** Per-request memo of permission answers, so one query asks access once per question. */
  permissions: Map<string, Promise<boolean>>;
}

/** A caller for an HTTP route (no GraphQL context): a fresh memo per request. */
export const routeCaller = (actor: Actor | null, authorization: string | undefined, access: Pick<AccessClient, 'can'>): Caller => ({
  actor, authorization: authorization ?? null, deps: { access }, permissions: new Map(),
});

/**
 * May the caller use `fn` at `access` level in the organisation? The authority always; a partner
 * client when its token names the organisation and the function (R-AUTH-2); a person as the
 * access service decides (`myAccess`, asked with the caller's own token, memoised per request).
 * Throws AccessUnavailableError when access gives no answer (routes map it to 503).
 */
export async function decide(caller: Caller, organisationId: string, fn: string, access: 'READ' | 'UPDATE'): Promise<boolean> {
  const actor = caller.actor;
  if (!actor) return false;
  if (isAuthority(actor)) return true;
  if (actor.kind === 'client') return actor.organisationId === organisationId && actor.functions.includes(fn);
  if (actor.kind !== 'person' || !caller.authorization) return false;
  const key = `${organisationId}|${fn}|${access}`;
  let answer = caller.permissions.get(key);
  if (!answer) {
    answer = caller.deps.access.can(caller.authorization, organisationId, fn, access);
    caller.permissions.set(key, answer);
  }
  return answer;
}

/** `decide` for GraphQL: a signed-in caller is required, and no answer from access is SERVICE_UNAVAILABLE. */
export async function can(caller: Caller, organisationId: string, fn: string, access: 'READ' | 'UPDATE'): Promise<boolean> {
  requireActor(caller.actor);
  try {
    return await decide(caller, organisationId, fn, access);
  } catch (e) {
    if (e instanceof AccessUnavailableError) throw serviceUnavailable('Permissions cannot be checked right now (the access service does not answer). Try again shortly.', 'PERMISSION_SERVICE_UNAVAILABLE');
    throw e;
  }
}

/** R-AUDIT-3: administrators of the organisation (MANAGE_USERS READ) and the authority; raw answer for the export route. */
export const mayReadAuditLog = (caller: Caller, organisationId: string) => decide(caller, organisationId, 'MANAGE_USERS', 'READ');

/** R-AUDIT-3: the audit log, its verification and its export. */
export async function requireAuditVisibility(caller: Caller, organisationId: string): Promise<void> {
  if (!(await can(caller, organisationId, 'MANAGE_USERS', 'READ'))) {
    throw forbidden("Only the organisation's administrators and the authority may see its audit log.", 'AUDIT_LOG_ADMINISTRATORS_ONLY');
  }
}

/**
 * The one read policy for receipts (R-AUTH-4): the `receipt` root field and the `Receipt` entity
 * reference ask this, and it admits exactly those who already see the receipt through a guarded
 * parent: its signer (their sign order), the authority, and whoever sees the organisation's audit
 * log (R-AUDIT-3), where the receipt is linked from the applied change's events.
 */
export async function mayReadReceipt(caller: Caller, receipt: { signerPersonId?: string | null; organisationId: string }): Promise<boolean> {
  const actor = requireActor(caller.actor);
  if (isAuthority(actor)) return true;
  // Tokens name the person by id (never by number): the signer is matched by person id.
  if (actor.kind === 'person' && receipt.signerPersonId && actor.personId === receipt.signerPersonId) return true;
  return can(caller, receipt.organisationId, 'MANAGE_USERS', 'READ');
}

/** R-AUTH-4: `mayReadReceipt` or FORBIDDEN; returns the receipt for the resolver to hand on. */
export async function requireReceiptReader<R extends { signerPersonId?: string | null; organisationId: string }>(caller: Caller, receipt: R): Promise<R> {
  if (!(await mayReadReceipt(caller, receipt))) throw forbidden('Only the signer, the organisation\'s administrators and the authority may read this receipt.', 'RECEIPT_NOT_YOURS');
  return receipt;
}

/** A person's receipts (`Person.receipts`): the person themself and the authority. */
export function requireOwnReceipts(caller: Pick<Caller, 'actor'>, personId: string): void {
  const actor = requireActor(caller.actor);
  const self = actor.kind === 'person' && actor.personId === personId;
  if (!self && !isAuthority(actor)) throw forbidden('Only the person themself and the authority see their receipts.', 'RECEIPT_NOT_YOURS');
}

/** Log-in orders are followed by whoever holds the orderRef; sign orders only by their signer (and the authority). */
export function assertMayFollow(order: { kind: string; personId?: string | null }, actor: Actor | null): void {
  if (order.kind === 'LOGIN') return;
  // Without a token the caller is nobody yet: say so (sign in), as every other guarded operation does.
  if (!actor) throw unauthenticated('Sign in to follow this signing order.', 'NOT_SIGNED_IN');
  // The token names the caller by person id; the sign order was started for that id.
  if (actor.kind === 'person' && (actor.authority || (!!actor.personId && actor.personId === order.personId))) return;
  throw forbidden('Only the person signing may follow this signing order.', 'ORDER_NOT_YOURS');
}

/** Only a person signs with BankID (POST /internal/sign-orders, on behalf of access's signChanges). */
export const maySign = (actor: Actor | null): actor is Extract<Actor, { kind: 'person' }> => actor?.kind === 'person';

/** Partner systems of an organisation (`Organisation.apiClients`): its administrators (MANAGE_USERS READ) and the authority. */
export async function requirePartnerListReader(caller: Caller, organisationId: string): Promise<void> {
  if (!(await can(caller, organisationId, 'MANAGE_USERS', 'READ'))) {
    throw forbidden("Only the organisation's administrators and the authority see its partner systems.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
  }
}

/** Registering and revoking is for the organisation's permission administrators (MANAGE_USERS UPDATE) and the authority. */
export async function requireClientAdmin(caller: Caller, organisationId: string): Promise<void> {
  if (!(await can(caller, organisationId, 'MANAGE_USERS', 'UPDATE'))) {
    throw forbidden("Only the organisation's permission administrators (and the authority) manage its partner systems.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
  }
}

/**
 * R-ROLE-3: nobody can grant a permission they do not hold themselves, except the authority. A
 * partner system's functions act at UPDATE level, so the registrar must hold each one at UPDATE
 * in the organisation (a client registering clients: each must be among its own functions).
 */
export async function refuseUnheldFunctions(caller: Caller, organisationId: string, functions: readonly string[]): Promise<void> {
  const held = await Promise.all(functions.map((fn) => can(caller, organisationId, fn, 'UPDATE')));
  const refused = functions.filter((_fn, i) => !held[i]);
  if (refused.length) throw forbidden(`You cannot grant a partner system functions you do not hold yourself: ${refused.join(', ')} (R-ROLE-3).`, 'FUNCTION_NOT_HELD');
}

/**
 * R-HOOK-1: an organisation's event subscriptions are seen and managed by its permission
 * administrators and its partner clients with MANAGE_USERS (both MANAGE_USERS UPDATE there), and the authority.
 */
export const maySeeSubscriptions = (caller: Caller, organisationId: string) => can(caller, organisationId, 'MANAGE_USERS', 'UPDATE');

export async function requireSubscriptionAdmin(caller: Caller, organisationId: string): Promise<void> {
  if (!(await maySeeSubscriptions(caller, organisationId))) {
    throw forbidden("Only the organisation's permission administrators and its partner systems with MANAGE_USERS manage its event subscriptions.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
  }
}
