import { childrenLoader, defineTable } from '@behorig/kit/db';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A partner system's credentials (R-AUTH-2). The secret is kept only as an scrypt hash. */
export interface ApiClientRow {
  id: string;
  organisationId: string;
  name: string;
  functions: string[];
  secretHash: string;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
}

export const API_CLIENT = defineTable<keyof ApiClientRow>('signing.api_client', {
  id: 'id', organisationId: 'organisation_id', name: 'name', functions: 'functions', secretHash: 'secret_hash',
  createdAt: 'created_at', createdBy: 'created_by', revokedAt: 'revoked_at',
}, { dates: ['createdAt', 'revokedAt'] });

export const tables = [API_CLIENT];

const c = API_CLIENT.c;
const toClient = (raw: Record<string, unknown>) => API_CLIENT.row<ApiClientRow>(raw);

/** All SQL of the partners feature and its per-request DataLoaders (one statement per batch). */
export function partnersStore(em: EntityManager) {
  const clients = async (where: string, params: unknown[], tail = '') =>
    (await em.execute<Record<string, unknown>[]>(`SELECT ${API_CLIENT.list()} FROM ${API_CLIENT} WHERE ${where}${tail}`, params)).map(toClient);
  return {
    apiClientsByOrganisation: childrenLoader<ApiClientRow>(
      (ids) => clients(`${c.organisationId} IN (?)`, [[...ids]], ` ORDER BY ${c.createdAt} ASC, ${c.id} ASC`),
      (x) => x.organisationId,
    ),

    async findClient(id: string): Promise<ApiClientRow | null> {
      const [row] = await clients(`${c.id} = ?`, [id]);
      return row ?? null;
    },

    async insertClient(row: ApiClientRow): Promise<ApiClientRow> {
      // ARRAY[?]: the functions are never empty (validateApiClientInput), and each is bound as its own literal.
      const [raw] = await em.execute<Record<string, unknown>[]>(
        `INSERT INTO ${API_CLIENT} (${API_CLIENT.cols(['id', 'organisationId', 'name', 'functions', 'secretHash', 'createdAt', 'createdBy', 'revokedAt'])})
         VALUES (?, ?, ?, ARRAY[?]::text[], ?, ?, ?, ?) RETURNING ${API_CLIENT.list()}`,
        [row.id, row.organisationId, row.name, row.functions, row.secretHash, row.createdAt.toISOString(), row.createdBy, row.revokedAt?.toISOString() ?? null],
      );
      return toClient(raw);
    },

    async revokeClient(id: string, at: Date): Promise<ApiClientRow | null> {
      const [raw] = await em.execute<Record<string, unknown>[]>(
        `UPDATE ${API_CLIENT} SET ${c.revokedAt} = ? WHERE ${c.id} = ? RETURNING ${API_CLIENT.list()}`, [at.toISOString(), id]);
      return raw ? toClient(raw) : null;
    },
  };
}
export type PartnersStore = ReturnType<typeof partnersStore>;
