import { randomUUID } from 'node:crypto';
import { mintToken, requireActor, type SigningKey } from '@behorig/kit/auth';
import { badInput, isUuid, notFound } from '@behorig/kit/errors';
import { actorLabel } from '@behorig/kit/outbox';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAuditEvents, auditInstant } from '../audit/audit.service';
import type { Context } from '../../context';
import { refuseUnheldFunctions, requireClientAdmin } from '../../policy/signing.policy';
import { partnersStore, type ApiClientRow } from './partners.store';
import { hashClientSecret, newClientSecret, verifyClientSecret } from './client-secret';
import { validateApiClientInput } from './rules/api-client.rules';

export async function registerApiClient(ctx: Context, organisationId: string, name: string, functions: readonly string[]) {
  const actor = requireActor(ctx.actor);
  const input = validateApiClientInput(organisationId, name, functions);
  await requireClientAdmin(ctx, organisationId);
  await refuseUnheldFunctions(ctx, organisationId, input.functions);
  const secret = newClientSecret();
  const secretHash = await hashClientSecret(secret);
  const now = auditInstant();
  const client = await ctx.em.transactional(async (tx) => {
    const row = await partnersStore(tx).insertClient({
      id: randomUUID(), organisationId, name: input.name, functions: input.functions, secretHash, createdAt: now, createdBy: actorLabel(actor), revokedAt: null,
    });
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
  if (!isUuid(clientId)) throw badInput('clientId', 'clientId must be a client id (UUID).', 'MALFORMED_ID');
  const existing = await partnersStore(ctx.em).findClient(clientId);
  if (!existing) throw notFound('No partner system with this client id.', 'API_CLIENT_NOT_FOUND');
  await requireClientAdmin(ctx, existing.organisationId);
  if (existing.revokedAt) return existing;
  const now = auditInstant();
  const revoked = await ctx.em.transactional(async (tx) => {
    const row = await partnersStore(tx).revokeClient(clientId, now);
    if (!row) throw notFound('No partner system with this client id.', 'API_CLIENT_NOT_FOUND');
    await appendAuditEvents(tx, [{
      organisationId: row.organisationId, at: now, actor: actorLabel(actor), actorPersonId: actor.kind === 'person' ? actor.personId : null,
      action: 'apiClient.revoked', target: `apiClient:${row.id}`, before: { revokedAt: null }, after: { revokedAt: now.toISOString() },
      source: 'signing', sourceId: null, receiptId: null,
    }]);
    return row;
  });
  // R-AUTH-3: this replica stops the client's tokens at once; the others within 5 s.
  ctx.deps.clientStatus.invalidate(clientId);
  return revoked;
}

/** R-AUTH-2: the OAuth2 client-credentials grant: a client token for a live client with the right secret, else null. */
export async function issueClientToken(em: EntityManager, key: SigningKey, clientId: string, secret: string, ttlSeconds: number) {
  const client = isUuid(clientId) ? await partnersStore(em).findClient(clientId) : null;
  // Hash even when the client is unknown, so timing does not reveal which client ids exist.
  const ok = await verifyClientSecret(secret, client?.secretHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!client || !ok || client.revokedAt) return null;
  const { token, expiresAt } = await mintToken(key, { kind: 'client', clientId: client.id, organisationId: client.organisationId, functions: client.functions }, ttlSeconds);
  return { token, expiresAt };
}

/** R-AUTH-3: a client's live status and current functions, read from its row (unknown = revoked). */
export async function clientStatusOf(em: EntityManager, clientId: string): Promise<{ active: boolean; functions: string[] }> {
  const client = isUuid(clientId) ? await partnersStore(em).findClient(clientId) : null;
  return client && !client.revokedAt ? { active: true, functions: [...client.functions] } : { active: false, functions: [] };
}
