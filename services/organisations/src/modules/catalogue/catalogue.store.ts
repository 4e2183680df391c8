import { byIdLoader } from '@behorig/kit/db';
import { columnList, type Db, type RawRow } from '../shared/db';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const serviceColumns = ['code', 'name'] as const;
export const schoolFormColumns = ['code', 'name'] as const;
export const tables = { service: serviceColumns, school_form: schoolFormColumns } as const;

/** The authority's service catalogue (R-ORG-2): reference data keyed by code. */
export interface ServiceRow { code: string; name: string }
/** The school-form catalogue (R-ORG-5). */
export interface SchoolFormRow { code: string; name: string }

const toService = (r: RawRow<typeof serviceColumns>): ServiceRow => ({ code: String(r.code), name: String(r.name) });
export const toSchoolForm = (r: RawRow<typeof schoolFormColumns>): SchoolFormRow => ({ code: String(r.code), name: String(r.name) });

/** All SQL of the catalogues (R-ORG-2, R-ORG-5); one statement per DataLoader batch. */
export function createCatalogueStore(db: Db) {
  const services = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof serviceColumns>[]>(`SELECT ${columnList(serviceColumns)} FROM organisations.service WHERE ${where} ${tail}`, params)).map(toService);
  const schoolForms = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof schoolFormColumns>[]>(`SELECT ${columnList(schoolFormColumns)} FROM organisations.school_form WHERE ${where} ${tail}`, params)).map(toSchoolForm);

  return {
    service: byIdLoader<ServiceRow>((codes) => services('code IN (?)', [[...codes]]), (s) => s.code),
    schoolForm: byIdLoader<SchoolFormRow>((codes) => schoolForms('code IN (?)', [[...codes]]), (f) => f.code),
    allServices: () => services('true', [], 'ORDER BY name'),
    allSchoolForms: () => schoolForms('true', [], 'ORDER BY name'),

    async serviceExists(code: string): Promise<boolean> {
      const [{ n }] = await db.execute<{ n: string }[]>(`SELECT count(*) AS n FROM organisations.service WHERE code = ?`, [code]);
      return Number(n) > 0;
    },

    async insertService(row: ServiceRow): Promise<ServiceRow> {
      const [created] = await db.execute<RawRow<typeof serviceColumns>[]>(
        `INSERT INTO organisations.service (${columnList(serviceColumns)}) VALUES (?, ?) RETURNING ${columnList(serviceColumns)}`, [row.code, row.name]);
      return toService(created);
    },

    /** The service as it is inside the caller's transaction, locked until it ends. */
    async serviceForUpdate(code: string): Promise<ServiceRow | null> {
      return (await services('code = ?', [code], 'FOR UPDATE'))[0] ?? null;
    },

    async renameService(code: string, name: string): Promise<ServiceRow> {
      const [row] = await db.execute<RawRow<typeof serviceColumns>[]>(
        `UPDATE organisations.service SET name = ? WHERE code = ? RETURNING ${columnList(serviceColumns)}`, [name, code]);
      return toService(row);
    },
  };
}
export type CatalogueStore = ReturnType<typeof createCatalogueStore>;
