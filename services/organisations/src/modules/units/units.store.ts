import { byIdLoader, childrenLoader, defineTable, tableStatements, toDate, type Db, type RawRow } from '@behorig/kit/db';
import { toColumns, toDateOrNull, uuidsOnly } from '../shared/db';
import { SCHOOL_FORM, toSchoolForm, type SchoolFormRow } from '../catalogue/catalogue.store';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const UNIT = defineTable('organisations.unit', ['id', 'organisation_id', 'service_code', 'name', 'closed_at', 'created_at', 'fact_version']);
export const ADDRESS = defineTable('organisations.address', ['id', 'unit_id', 'street', 'postal_code', 'city']);
export const UNIT_SCHOOL_FORM = defineTable('organisations.unit_school_form', ['unit_id', 'school_form_code']);
export const tables = [UNIT, ADDRESS, UNIT_SCHOOL_FORM];

/** A performing unit of one organisation for one service (R-ORG-3). Closed units keep their history; closing never deletes. */
export interface UnitRow {
  id: string;
  organisationId: string;
  serviceCode: string;
  name: string;
  closedAt: Date | null;
  createdAt: Date;
}
/** An office of a unit (R-ORG-3). */
export interface AddressRow { id: string; unitId: string; street: string; postalCode: string; city: string }
export type AddressData = Omit<AddressRow, 'id' | 'unitId'>;

const toUnit = (r: RawRow<typeof UNIT>): UnitRow => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  serviceCode: String(r.service_code),
  name: String(r.name),
  closedAt: toDateOrNull(r.closed_at),
  createdAt: toDate(r.created_at),
});
const toAddress = (r: RawRow<typeof ADDRESS>): AddressRow => ({
  id: String(r.id), unitId: String(r.unit_id), street: String(r.street), postalCode: String(r.postal_code), city: String(r.city),
});
const unitColumnOf = { id: 'id', organisationId: 'organisation_id', serviceCode: 'service_code', name: 'name' } as const;
const addressColumnOf = { id: 'id', unitId: 'unit_id', street: 'street', postalCode: 'postal_code', city: 'city' } as const;

/** All SQL of units, their offices and school forms (R-ORG-3, R-ORG-5); one statement per DataLoader batch. */
export function createUnitStore(db: Db) {
  const units = tableStatements(db, UNIT, toUnit);
  const addresses = tableStatements(db, ADDRESS, toAddress);
  const unitSchoolForms = tableStatements(db, UNIT_SCHOOL_FORM, (r) => r);

  const insertAddresses = (unitId: string, offices: readonly (AddressData & { id?: string })[]): Promise<AddressRow[]> =>
    addresses.insert(offices.map((a) => toColumns({ ...a, unitId }, addressColumnOf)));

  return {
    byId: byIdLoader<UnitRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? units.select('id IN (?)', [uuids]) : [];
    }, (u) => u.id),
    address: byIdLoader<AddressRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? addresses.select('id IN (?)', [uuids]) : [];
    }, (a) => a.id),
    byOrganisation: childrenLoader<UnitRow>((ids) => units.select('organisation_id IN (?)', [[...ids]], 'ORDER BY name'), (u) => u.organisationId),
    addressesByUnit: childrenLoader<AddressRow>((ids) => addresses.select('unit_id IN (?)', [[...ids]], 'ORDER BY street'), (a) => a.unitId),
    schoolFormsByUnit: childrenLoader<SchoolFormRow & { unitId: string }>(
      async (ids) => (await db.execute<(RawRow<typeof SCHOOL_FORM> & { unit_id: string })[]>(
        `SELECT l.unit_id, ${SCHOOL_FORM.list(undefined, 'f')} FROM organisations.unit_school_form l
           JOIN organisations.school_form f ON f.code = l.school_form_code
          WHERE l.unit_id IN (?) ORDER BY f.name`,
        [[...ids]],
      )).map((r) => ({ ...toSchoolForm(r), unitId: String(r.unit_id) })),
      (f) => f.unitId,
    ),

    /** R-ORG-3: unit names are unique per organisation and service, whatever the case. */
    nameTaken: async (organisationId: string, serviceCode: string, name: string, exceptId?: string): Promise<boolean> =>
      (await units.count('organisation_id = ? AND service_code = ? AND lower(name) = lower(?) AND id <> ?', [organisationId, serviceCode, name, exceptId ?? '00000000-0000-0000-0000-000000000000'])) > 0,

    forUpdate: units.forUpdate,

    /** The unit, then its offices and school forms: three statements whatever their number. */
    async insert(unit: { id?: string; organisationId: string; serviceCode: string; name: string }, offices: readonly (AddressData & { id?: string })[], schoolForms: readonly string[]): Promise<{ unit: UnitRow; addresses: AddressRow[] }> {
      const [created] = await units.insert([toColumns(unit, unitColumnOf)]);
      const added = await insertAddresses(created.id, offices);
      await unitSchoolForms.insert(schoolForms.map((code) => ({ unit_id: created.id, school_form_code: code })));
      return { unit: created, addresses: added };
    },
    insertAddresses,
    rename: (id: string, name: string): Promise<UnitRow> => units.update(id, { name }),
    close: (id: string): Promise<UnitRow> => units.update(id, { closed_at: new Date() }),
    removeAddress: addresses.remove,
    existingUnits: units.existing,
    existingAddresses: addresses.existing,
  };
}
export type UnitStore = ReturnType<typeof createUnitStore>;
