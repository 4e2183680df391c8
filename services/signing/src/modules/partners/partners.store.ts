import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader } from '@behorig/kit';

/** A partner system's credentials (R-AUTH-2). The secret is kept only as an scrypt hash. */
export const ApiClientEntity = defineEntity({
  name: 'ApiClient',
  tableName: 'api_client',
  properties: (p) => ({
    id: p.uuid().primary(),
    organisationId: p.uuid(),
    name: p.string(),
    functions: p.array<string>().columnType('text[]'),
    secretHash: p.string(),
    createdAt: p.datetime(),
    createdBy: p.string(),
    revokedAt: p.datetime().nullable(),
  }),
});
export type ApiClientRow = InferEntity<typeof ApiClientEntity>;

/** Per-request DataLoaders of the partners feature: one SQL statement per batch. */
export function partnersLoaders(em: EntityManager) {
  return {
    apiClientsByOrganisation: childrenLoader<ApiClientRow>(
      (ids) => em.find(ApiClientEntity, { organisationId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (c) => c.organisationId,
    ),
  };
}
