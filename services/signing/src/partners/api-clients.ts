import { randomUUID } from 'node:crypto';
import { actorLabel, badInput, mintToken, notFound, forbidden, requireActor, type SigningKey } from '@behorig/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAuditEvents, auditInstant } from '../audit/audit-log';
import { ApiClientEntity, type ApiClientRow } from '../entities/api-client.entity';
import type { Context } from '../context';
import { can } from '../visibility';
import { hashClientSecret, newClientSecret, verifyClientSecret } from './client-secret';

/** The function codes of R-ROLE-2a a partner system can be granted. */
export const FUNCTION_CODES = [
  'MANAGE_USERS', 'CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT', 'DOCUMENTS', 'DEVIATION_REPORT', 'JOINT_PLANNING',
  'MONTHLY_REPORT', 'REQUEST_COMPENSATION', 'FOLLOW_UP_COMPENSATION', 'VIEW_NEW_PARTICIPANTS', 'ASSIGN_SUPERVISOR',
  'REMOVE_CANCELLED_PARTICIPANT', 'VIEW_PARTICIPANTS', 'PLAN_ACTIVITIES', 'REPORTS', 'ADMISSION', 'STUDENT_ADMIN',
  'COMPENSATION', 'GRADES', 'NATIONAL_TESTS', 'END_STAFF',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pure input checks (no I/O): a refusal names the field. */
export function validateApiClientInput(organisationId: string, name: string, functions: readonly string[], known: readonly string[] = FUNCTION_CODES as readonly string[]) {
  if (!UUID.test(organisationId)) throw badInput('organisationId', 'organisationId must be an organisation id (UUID).', 'MALFORMED_ID');
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 100) throw badInput('name', 'The name must be 2–100 characters.', 'TEXT_TOO_LONG');
  if (functions.length === 0) throw badInput('functions', 'Grant at least one function.', 'NO_FUNCTIONS_CHOSEN');
  const unknown = functions.filter((f) => !known.includes(f));
  if (unknown.length) throw badInput('functions', `Unknown function code(s): ${unknown.join(', ')}. Known: ${known.join(', ')}.`, 'UNKNOWN_FUNCTION');
  return { name: trimmed, functions: [...new Set(functions)].sort() };
}

/** Registering and revoking is for the organisation's permission administrators (MANAGE_USERS UPDATE) and the authority. */
async function requireClientAdmin(ctx: Context, organisationId: string) {
  if (!(await can(ctx, organisationId, 'MANAGE_USERS', 'UPDATE'))) {
    throw forbidden("Only the organisation's permission administrators (and the authority) manage its partner systems.", 'PERMISSION_ADMINISTRATOR_REQUIRED');
  }
}

/**
 * R-ROLE-3: nobody can grant a permission they do not hold themselves, except the authority. A
 * partner system's functions act at UPDATE level, so the registrar must hold each one at UPDATE
 * in the organisation (a client registering clients: each must be among its own functions).
 */
async function refuseUnheldFunctions(ctx: Context, organisationId: string, functions: readonly string[]) {
  const held = await Promise.all(functions.map((fn) => can(ctx, organisationId, fn, 'UPDATE')));
  const refused = functions.filter((_fn, i) => !held[i]);
  if (refused.length) throw forbidden(`You cannot grant a partner system functions you do not hold yourself: ${refused.join(', ')} (R-ROLE-3).`, 'FUNCTION_NOT_HELD');
}

export async function registerApiClient(ctx: Context, organisationId: string, name: string, functions: readonly string[]) {
  const actor = requireActor(ctx.actor);
  const input = validateApiClientInput(organisationId, name, functions);
  await requireClientAdmin(ctx, organisationId);
  await refuseUnheldFunctions(ctx, organisationId, input.functions);
  const secret = newClientSecret();
  const secretHash = await hashClientSecret(secret);
  const now = auditInstant();
  const client = await ctx.em.transactional(async (tx) => {
    const row = tx.create(ApiClientEntity, {
      id: randomUUID(), organisationId, name: input.name, functions: input.functions, secretHash, createdAt: now, createdBy: actorLabel(actor), revokedAt: null,
    });
    await tx.flush();
    await appendAuditEvents(tx, [{
      organisationId, at: now, actor: actorLabel(actor), actorPersonId: actor.kind === 'person' ? actor.personId : null,
      action: 'apiClient.registered', target: `apiClient:${row.id}`, before: null,
      after: { name: row.name, functions: row.functions }, source: 'signing', sourceId: null, receiptId: null,
    }]);
    return row;
  });
  return { client, clientSecret: secret };
}

export async function revokeApiClient(ctx: Context, clientId: string): Promise<ApiClientRow> {
  const actor = requireActor(ctx.actor);
  if (!UUID.test(clientId)) throw badInput('clientId', 'clientId must be a client id (UUID).', 'MALFORMED_ID');
  const existing = await ctx.em.findOne(ApiClientEntity, { id: clientId });
  if (!existing) throw notFound('No partner system with this client id.', 'API_CLIENT_NOT_FOUND');
  await requireClientAdmin(ctx, existing.organisationId);
  if (existing.revokedAt) return existing;
  const now = auditInstant();
  await ctx.em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(ApiClientEntity, { id: clientId });
    row.revokedAt = now;
    await tx.flush();
    await appendAuditEvents(tx, [{
      organisationId: row.organisationId, at: now, actor: actorLabel(actor), actorPersonId: actor.kind === 'person' ? actor.personId : null,
      action: 'apiClient.revoked', target: `apiClient:${row.id}`, before: { revokedAt: null }, after: { revokedAt: now.toISOString() },
      source: 'signing', sourceId: null, receiptId: null,
    }]);
  });
  // R-AUTH-3: this replica stops the client's tokens at once; the others within 5 s.
  ctx.deps.clientStatus.invalidate(clientId);
  await ctx.em.refresh(existing);
  return existing;
}

/** OAuth2 client-credentials grant: a client token for a live client with the right secret, else null. */
export async function issueClientToken(em: EntityManager, key: SigningKey, clientId: string, secret: string, ttlSeconds: number) {
  const client = UUID.test(clientId) ? await em.findOne(ApiClientEntity, { id: clientId }) : null;
  // Hash even when the client is unknown, so timing does not reveal which client ids exist.
  const ok = await verifyClientSecret(secret, client?.secretHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!client || !ok || client.revokedAt) return null;
  const { token, expiresAt } = await mintToken(key, { kind: 'client', clientId: client.id, organisationId: client.organisationId, functions: client.functions }, ttlSeconds);
  return { token, expiresAt };
}

/** R-AUTH-3: a client's live status and current functions, read from its row (unknown = revoked). */
export async function clientStatusOf(em: EntityManager, clientId: string): Promise<{ active: boolean; functions: string[] }> {
  const client = UUID.test(clientId) ? await em.findOne(ApiClientEntity, { id: clientId }) : null;
  return client && !client.revokedAt ? { active: true, functions: [...client.functions] } : { active: false, functions: [] };
}
