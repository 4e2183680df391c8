import { byIdLoader, defineTable, tableStatements, type Db, type RawRow } from '@behorig/kit/db';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const SERVICE = defineTable('organisations.service', ['code', 'name']);
export const SCHOOL_FORM = defineTable('organisations.school_form', ['code', 'name']);
export const tables = [SERVICE, SCHOOL_FORM];

/** The authority's service catalogue (R-ORG-2): reference data keyed by code. */
export interface ServiceRow { code: string; name: string }
/** The school-form catalogue (R-ORG-5). */
export interface SchoolFormRow { code: string; name: string }

const toService = (r: RawRow<typeof SERVICE>): ServiceRow => ({ code: String(r.code), name: String(r.name) });
export const toSchoolForm = (r: RawRow<typeof SCHOOL_FORM>): SchoolFormRow => ({ code: String(r.code), name: String(r.name) });

/** All SQL of the catalogues (R-ORG-2, R-ORG-5); one statement per DataLoader batch. */
export function createCatalogueStore(db: Db) {
  const services = tableStatements(db, SERVICE, toService, { key: 'code' });
  const schoolForms = tableStatements(db, SCHOOL_FORM, toSchoolForm, { key: 'code' });
  return {
    service: byIdLoader<ServiceRow>((codes) => services.select('code IN (?)', [[...codes]]), (s) => s.code),
    schoolForm: byIdLoader<SchoolFormRow>((codes) => schoolForms.select('code IN (?)', [[...codes]]), (f) => f.code),
    allServices: () => services.select('true', [], 'ORDER BY name'),
    allSchoolForms: () => schoolForms.select('true', [], 'ORDER BY name'),
    serviceExists: async (code: string): Promise<boolean> => (await services.count('code = ?', [code])) > 0,
    insertService: async (row: ServiceRow): Promise<ServiceRow> => (await services.insert([row]))[0],
    serviceForUpdate: services.forUpdate,
    renameService: (code: string, name: string): Promise<ServiceRow> => services.update(code, { name }),
  };
}
export type CatalogueStore = ReturnType<typeof createCatalogueStore>;
