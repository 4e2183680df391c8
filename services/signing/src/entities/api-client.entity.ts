import { defineEntity, type InferEntity } from '@mikro-orm/core';

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
