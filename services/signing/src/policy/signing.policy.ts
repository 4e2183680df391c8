import { isAuthority, type Actor } from '@behorig/kit/auth';
import { forbidden, unauthenticated } from '@behorig/kit/errors';
import { createPermissionClient, type DecisionCacheLike, type PermissionClient, type PermissionSource } from '@behorig/kit/permissions';

/**
 * The one place where the signing subgraph decides who may see or do what (docs/security.md).
 * Root fields, nested fields, every `__resolveReference` and the HTTP routes ask the functions
 * here; nothing else in signing compares actors with organisations. "May the caller do F in
 * organisation O" is kit's PermissionClient (`@behorig/kit/permissions`), shared with the
 * organisations subgraph: the authority always, a partner client its token's functions in its
 * organisation (R-AUTH-2), a person as access answers (`myAccess`), memoised per request and kept
 * per process in the decision cache, which every change of access's permission index empties on
 * every replica (R-SCOPE-4, kit decision-cache.ts).
 */

/** Who is asking, as every decision sees it: the same from a resolver (the Context) and from an HTTP route. */
export interface Caller {
  actor: Actor | null;
  permissions: PermissionClient;
}

/** A caller for an HTTP route (no GraphQL context): its own per-request permission client over the process's decision cache. */
export const routeCaller = (actor: Actor | null, authorization: string | undefined, source: PermissionSource, decisions?: DecisionCacheLike): Caller => ({
  actor, permissions: createPermissionClient(actor, source, authorization, { cache: decisions }),
});

const requireActor = (caller: Pick<Caller, 'actor'>): Actor => {
  if (!caller.actor) throw unauthenticated();
  return caller.actor;
};

/** R-AUDIT-3: administrators of the organisation (MANAGE_USERS READ) and the authority. */
export const mayReadAuditLog = (caller: Caller, organisationId: string) => caller.permissions.can('MANAGE_USERS', 'READ', organisationId);

/** R-AUDIT-3: the audit log, its verification and its export. */
export async function requireAuditVisibility(caller: Caller, organisationId: string): Promise<void> {
  await caller.permissions.require('MANAGE_USERS', 'READ', organisationId, {
    message: "Only the organisation's administrators and the authority may see its audit log.", reason: 'AUDIT_LOG_ADMINISTRATORS_ONLY',
  });
}

/**
 * The one read policy for receipts (R-AUTH-4): the `receipt` root field and the `Receipt` entity
 * reference ask this, and it admits exactly those who already see the receipt through a guarded
 * parent: its signer (their sign order), the authority, and whoever sees the organisation's audit
 * log (R-AUDIT-3), where the receipt is linked from the applied change's events.
 */
export async function mayReadReceipt(caller: Caller, receipt: { signerPersonId?: string | null; organisationId: string }): Promise<boolean> {
  const actor = requireActor(caller);
  if (isAuthority(actor)) return true;
  // Tokens name the person by id (never by number): the signer is matched by person id.
  if (actor.kind === 'person' && receipt.signerPersonId && actor.personId === receipt.signerPersonId) return true;
  return mayReadAuditLog(caller, receipt.organisationId);
}

/** R-AUTH-4: `mayReadReceipt` or FORBIDDEN; returns the receipt for the resolver to hand on. */
export async function requireReceiptReader<R extends { signerPersonId?: string | null; organisationId: string }>(caller: Caller, receipt: R): Promise<R> {
  if (!(await mayReadReceipt(caller, receipt))) throw forbidden('Only the signer, the organisation\'s administrators and the authority may read this receipt.', 'RECEIPT_NOT_YOURS');
  return receipt;
}

/** A person's receipts (`Person.receipts`): the person themself and the authority. */
export function requireOwnReceipts(caller: Pick<Caller, 'actor'>, personId: string): void {
  const actor = requireActor(caller);
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
  await caller.permissions.require('MANAGE_USERS', 'READ', organisationId, {
    message: "Only the organisation's administrators and the authority see its partner systems.", reason: 'PERMISSION_ADMINISTRATOR_REQUIRED',
  });
}

/** Registering and revoking is for the organisation's permission administrators (MANAGE_USERS UPDATE) and the authority. */
export async function requireClientAdmin(caller: Caller, organisationId: string): Promise<void> {
  await caller.permissions.require('MANAGE_USERS', 'UPDATE', organisationId, {
    message: "Only the organisation's permission administrators (and the authority) manage its partner systems.", reason: 'PERMISSION_ADMINISTRATOR_REQUIRED',
  });
}

/**
 * R-ROLE-3: nobody can grant a permission they do not hold themselves, except the authority. A
 * partner system's functions act with update access, so the registrar must hold each one with
 * 'UPDATE' access in the organisation (a client registering clients: each must be among its own functions).
 */
export async function refuseUnheldFunctions(caller: Caller, organisationId: string, functions: readonly string[]): Promise<void> {
  const held = await Promise.all(functions.map((fn) => caller.permissions.can(fn, 'UPDATE', organisationId)));
  const refused = functions.filter((_fn, i) => !held[i]);
  if (refused.length) throw forbidden(`You cannot grant a partner system functions you do not hold yourself: ${refused.join(', ')} (R-ROLE-3).`, 'FUNCTION_NOT_HELD');
}

/**
 * R-HOOK-1: an organisation's event subscriptions are seen and managed by its permission
 * administrators and its partner clients with MANAGE_USERS (both hold MANAGE_USERS to change things there), and the authority.
 */
export async function requireSubscriptionAdmin(caller: Caller, organisationId: string): Promise<void> {
  await caller.permissions.require('MANAGE_USERS', 'UPDATE', organisationId, {
    message: "Only the organisation's permission administrators and its partner systems with MANAGE_USERS manage its event subscriptions.", reason: 'PERMISSION_ADMINISTRATOR_REQUIRED',
  });
}
