import { forbidden, isAuthority, requireActor } from '@behorig/kit';
import { AccessUnavailableError } from './access-port';
import type { Context } from './context';

/** Another service (BankID, access) cannot answer now; the client may retry. Nothing was changed. */
import { serviceUnavailable } from '@behorig/kit';

export { serviceUnavailable };

/**
 * May the caller use `fn` at `access` level in the organisation? The authority always; a partner
 * client when its token names the organisation and the function (R-AUTH-2); a person as the
 * access service decides (`myAccess`, asked with the caller's own token, memoised per request).
 */
export async function can(ctx: Context, organisationId: string, fn: string, access: 'READ' | 'UPDATE'): Promise<boolean> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return true;
  if (actor.kind === 'client') return actor.organisationId === organisationId && actor.functions.includes(fn);
  if (actor.kind !== 'person' || !ctx.authorization) return false;
  const key = `${organisationId}|${fn}|${access}`;
  let answer = ctx.permissions.get(key);
  if (!answer) {
    answer = ctx.deps.access.can(ctx.authorization, organisationId, fn, access);
    ctx.permissions.set(key, answer);
  }
  try {
    return await answer;
  } catch (e) {
    if (e instanceof AccessUnavailableError) throw serviceUnavailable('Permissions cannot be checked right now (the access service does not answer). Try again shortly.', 'PERMISSION_SERVICE_UNAVAILABLE');
    throw e;
  }
}

/** R-AUDIT-3: administrators of the organisation (MANAGE_USERS READ) and the authority. */
export async function requireAuditVisibility(ctx: Context, organisationId: string): Promise<void> {
  if (!(await can(ctx, organisationId, 'MANAGE_USERS', 'READ'))) {
    throw forbidden("Only the organisation's administrators and the authority may see its audit log.", 'AUDIT_LOG_ADMINISTRATORS_ONLY');
  }
}

/**
 * The one read policy for receipts (R-AUTH-4): the `receipt` root field and the `Receipt` entity
 * reference ask this, and it admits exactly those who already see the receipt through a guarded
 * parent: its signer (their sign order), the authority, and whoever sees the organisation's audit
 * log (R-AUDIT-3), where the receipt is linked from the applied change's events.
 */
export async function mayReadReceipt(ctx: Context, receipt: { signerPersonId?: string | null; signerPersonalNumberHash?: string | null; organisationId: string }): Promise<boolean> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return true;
  // Tokens name the person by id (never by number): the signer is matched by person id.
  if (actor.kind === 'person' && receipt.signerPersonId && actor.personId === receipt.signerPersonId) return true;
  return can(ctx, receipt.organisationId, 'MANAGE_USERS', 'READ');
}
