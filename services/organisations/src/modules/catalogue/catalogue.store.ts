import { byIdLoader } from '@behorig/kit/db';
import type { Db, RawRow } from '../shared/db';
import { tableOf } from '../shared/table.store';

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
  const services = tableOf(db, 'service', serviceColumns, toService, { key: 'code' });
  const schoolForms = tableOf(db, 'school_form', schoolFormColumns, toSchoolForm, { key: 'code' });
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
