import { byIdLoader, defineTable, escapeLike, tableStatements, toDate, type Db, type RawRow } from '@behorig/kit/db';
import { textOrNull, toColumns, uuidsOnly } from '../shared/db';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const ORGANISATION = defineTable('organisations.organisation', ['id', 'org_number', 'name', 'kind', 'postal_address', 'phone', 'fax', 'website', 'created_at', 'updated_at', 'fact_version']);
export const tables = [ORGANISATION];

export type OrganisationKind = 'AUTHORITY' | 'MUNICIPALITY' | 'SUPPLIER' | 'EDUCATION_PROVIDER';

/** R-ORG-1. Foreign keys stay scalar ids: resolvers batch children through DataLoaders instead. */
export interface OrganisationRow {
  id: string;
  orgNumber: string;
  name: string;
  kind: OrganisationKind;
  postalAddress: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type OrganisationData = Omit<OrganisationRow, 'id' | 'createdAt' | 'updatedAt'>;
export type OrganisationChanges = Partial<Pick<OrganisationRow, 'name' | 'postalAddress' | 'phone' | 'fax' | 'website'>>;

const columnOf = { id: 'id', orgNumber: 'org_number', name: 'name', kind: 'kind', postalAddress: 'postal_address', phone: 'phone', fax: 'fax', website: 'website' } as const;

const toOrganisation = (r: RawRow<typeof ORGANISATION>): OrganisationRow => ({
  id: String(r.id),
  orgNumber: String(r.org_number),
  name: String(r.name),
  kind: r.kind as OrganisationKind,
  postalAddress: textOrNull(r.postal_address),
  phone: textOrNull(r.phone),
  fax: textOrNull(r.fax),
  website: textOrNull(r.website),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

/**
 * The search expression is exactly the one indexed by `organisation_search_idx` (trigram GIN,
 * migration 001), so `LIKE '%term%'` uses the index instead of scanning; ordering by (name, id)
 * uses `organisation_name_idx`.
 */
export const SEARCH_EXPR = `(lower(o.name) || ' ' || o.org_number)`;

/** All SQL of organisations (R-ORG-1), on the request's fork or a transaction's `db`; one statement per DataLoader batch. */
export function createOrganisationStore(db: Db) {
  const organisation = tableStatements(db, ORGANISATION, toOrganisation, { alias: 'o' });
  return {
    byId: byIdLoader<OrganisationRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? organisation.select('o.id IN (?)', [uuids]) : [];
    }, (o) => o.id),

    byNumber: async (orgNumber: string): Promise<OrganisationRow | null> => (await organisation.select('o.org_number = ?', [orgNumber]))[0] ?? null,
    numberTaken: async (orgNumber: string): Promise<boolean> => (await organisation.count('o.org_number = ?', [orgNumber])) > 0,

    /** One page by (name, id), and the total: two statements run side by side. */
    async page(term: string | null, limit: number, offset: number): Promise<{ rows: OrganisationRow[]; total: number }> {
      const where = term ? `${SEARCH_EXPR} LIKE ?` : 'true';
      const params = term ? [`%${escapeLike(term)}%`] : [];
      const [rows, total] = await Promise.all([
        organisation.select(where, [...params, limit, offset], 'ORDER BY o.name, o.id LIMIT ? OFFSET ?'),
        organisation.count(where, params),
      ]);
      return { rows, total };
    },

    forUpdate: organisation.forUpdate,
    insert: async (data: OrganisationData & { id?: string }): Promise<OrganisationRow> => (await organisation.insert([toColumns(data, columnOf)]))[0],
    /** Writes only what changed; `updated_at` moves only then. */
    update: (id: string, changes: OrganisationChanges): Promise<OrganisationRow> => organisation.update(id, toColumns(changes, columnOf)),
    existing: organisation.existing,
  };
}
export type OrganisationStore = ReturnType<typeof createOrganisationStore>;
