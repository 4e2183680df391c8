import { randomUUID } from 'node:crypto';
import { byIdLoader, escapeLike } from '@behorig/kit/db';
import { assignments, columnList, textOrNull, toDate, uuidsOnly, type Db, type RawRow } from '../shared/db';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const organisationColumns = ['id', 'org_number', 'name', 'kind', 'postal_address', 'phone', 'fax', 'website', 'created_at', 'updated_at'] as const;
export const tables = { organisation: organisationColumns } as const;

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

const COLUMNS = columnList(organisationColumns, 'o');
const columnOf: Record<keyof OrganisationData, string> = { orgNumber: 'org_number', name: 'name', kind: 'kind', postalAddress: 'postal_address', phone: 'phone', fax: 'fax', website: 'website' };

const toOrganisation = (r: RawRow<typeof organisationColumns>): OrganisationRow => ({
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
  const select = async (where: string, params: unknown[], tail = ''): Promise<OrganisationRow[]> =>
    (await db.execute<RawRow<typeof organisationColumns>[]>(`SELECT ${COLUMNS} FROM organisations.organisation o WHERE ${where} ${tail}`, params)).map(toOrganisation);

  return {
    byId: byIdLoader<OrganisationRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? select('o.id IN (?)', [uuids]) : [];
    }, (o) => o.id),

    async byNumber(orgNumber: string): Promise<OrganisationRow | null> {
      return (await select('o.org_number = ?', [orgNumber]))[0] ?? null;
    },

    async numberTaken(orgNumber: string): Promise<boolean> {
      const [{ n }] = await db.execute<{ n: string }[]>(`SELECT count(*) AS n FROM organisations.organisation WHERE org_number = ?`, [orgNumber]);
      return Number(n) > 0;
    },

    /** One page by (name, id), and the total: two statements run side by side. */
    async page(term: string | null, limit: number, offset: number): Promise<{ rows: OrganisationRow[]; total: number }> {
      const where = term ? `${SEARCH_EXPR} LIKE ?` : 'true';
      const params = term ? [`%${escapeLike(term)}%`] : [];
      const [rows, [{ total }]] = await Promise.all([
        select(where, [...params, limit, offset], 'ORDER BY o.name, o.id LIMIT ? OFFSET ?'),
        db.execute<{ total: string }[]>(`SELECT count(*) AS total FROM organisations.organisation o WHERE ${where}`, params),
      ]);
      return { rows, total: Number(total) };
    },

    /** The row as it is inside the caller's transaction, locked until it ends. */
    async forUpdate(id: string): Promise<OrganisationRow | null> {
      return (await select('o.id = ?', [id], 'FOR UPDATE'))[0] ?? null;
    },

    async insert(data: OrganisationData & { id?: string }): Promise<OrganisationRow> {
      const fields = Object.keys(columnOf) as (keyof OrganisationData)[];
      const [row] = await db.execute<RawRow<typeof organisationColumns>[]>(
        `INSERT INTO organisations.organisation (id, ${fields.map((f) => columnOf[f]).join(', ')}) VALUES (?, ${fields.map(() => '?').join(', ')}) RETURNING ${columnList(organisationColumns)}`,
        [data.id ?? randomUUID(), ...fields.map((f) => data[f])],
      );
      return toOrganisation(row);
    },

    /** Writes only what changed; `updated_at` moves only then. */
    async update(id: string, changes: OrganisationChanges): Promise<OrganisationRow> {
      const { set, bindings } = assignments<OrganisationData>(changes, columnOf);
      const [row] = set
        ? await db.execute<RawRow<typeof organisationColumns>[]>(`UPDATE organisations.organisation SET ${set}, updated_at = now() WHERE id = ? RETURNING ${columnList(organisationColumns)}`, [...bindings, id])
        : await db.execute<RawRow<typeof organisationColumns>[]>(`SELECT ${columnList(organisationColumns)} FROM organisations.organisation WHERE id = ?`, [id]);
      return toOrganisation(row);
    },

    /** The ids among `ids` that already exist (the demo seed inserts only missing rows). */
    async existing(ids: readonly string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.execute<{ id: string }[]>(`SELECT id FROM organisations.organisation WHERE id IN (?)`, [[...ids]]);
      return new Set(rows.map((r) => r.id));
    },
  };
}
export type OrganisationStore = ReturnType<typeof createOrganisationStore>;
