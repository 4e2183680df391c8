import { randomUUID } from 'node:crypto';
import { byIdLoader, childrenLoader } from '@behorig/kit/db';
import { columnList, toDate, toDateOrNull, uuidsOnly, valuesList, type Db, type RawRow } from '../shared/db';
import { schoolFormColumns, toSchoolForm, type SchoolFormRow } from '../catalogue/catalogue.store';

/** The columns this store reads and writes; the schema-agreement test checks them against the migrated schema. */
export const unitColumns = ['id', 'organisation_id', 'service_code', 'name', 'closed_at', 'created_at'] as const;
export const addressColumns = ['id', 'unit_id', 'street', 'postal_code', 'city'] as const;
export const unitSchoolFormColumns = ['unit_id', 'school_form_code'] as const;
export const tables = { unit: unitColumns, address: addressColumns, unit_school_form: unitSchoolFormColumns } as const;

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

const toUnit = (r: RawRow<typeof unitColumns>): UnitRow => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  serviceCode: String(r.service_code),
  name: String(r.name),
  closedAt: toDateOrNull(r.closed_at),
  createdAt: toDate(r.created_at),
});
const toAddress = (r: RawRow<typeof addressColumns>): AddressRow => ({
  id: String(r.id), unitId: String(r.unit_id), street: String(r.street), postalCode: String(r.postal_code), city: String(r.city),
});

const UNIT = columnList(unitColumns);
const ADDRESS = columnList(addressColumns);

/** All SQL of units, their offices and school forms (R-ORG-3, R-ORG-5); one statement per DataLoader batch. */
export function createUnitStore(db: Db) {
  const units = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof unitColumns>[]>(`SELECT ${UNIT} FROM organisations.unit WHERE ${where} ${tail}`, params)).map(toUnit);
  const addresses = async (where: string, params: unknown[], tail = '') =>
    (await db.execute<RawRow<typeof addressColumns>[]>(`SELECT ${ADDRESS} FROM organisations.address WHERE ${where} ${tail}`, params)).map(toAddress);

  async function insertAddresses(unitId: string, offices: readonly (AddressData & { id?: string })[]): Promise<AddressRow[]> {
    if (!offices.length) return [];
    const v = valuesList(offices.map((a) => [a.id ?? randomUUID(), unitId, a.street, a.postalCode, a.city]));
    return (await db.execute<RawRow<typeof addressColumns>[]>(`INSERT INTO organisations.address (${ADDRESS}) VALUES ${v.placeholders} RETURNING ${ADDRESS}`, v.bindings)).map(toAddress);
  }


  return {
    byId: byIdLoader<UnitRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? units('id IN (?)', [uuids]) : [];
    }, (u) => u.id),
    address: byIdLoader<AddressRow>(async (ids) => {
      const uuids = uuidsOnly(ids);
      return uuids.length ? addresses('id IN (?)', [uuids]) : [];
    }, (a) => a.id),
    byOrganisation: childrenLoader<UnitRow>((ids) => units('organisation_id IN (?)', [[...ids]], 'ORDER BY name'), (u) => u.organisationId),
    addressesByUnit: childrenLoader<AddressRow>((ids) => addresses('unit_id IN (?)', [[...ids]], 'ORDER BY street'), (a) => a.unitId),
    schoolFormsByUnit: childrenLoader<SchoolFormRow & { unitId: string }>(
      async (ids) => (await db.execute<(RawRow<typeof schoolFormColumns> & { unit_id: string })[]>(
        `SELECT l.unit_id, ${columnList(schoolFormColumns, 'f')} FROM organisations.unit_school_form l
           JOIN organisations.school_form f ON f.code = l.school_form_code
          WHERE l.unit_id IN (?) ORDER BY f.name`,
        [[...ids]],
      )).map((r) => ({ ...toSchoolForm(r), unitId: String(r.unit_id) })),
      (f) => f.unitId,
    ),

    /** R-ORG-3: unit names are unique per organisation and service, whatever the case. */
    async nameTaken(organisationId: string, serviceCode: string, name: string, exceptId?: string): Promise<boolean> {
      const [{ n }] = await db.execute<{ n: string }[]>(
        `SELECT count(*) AS n FROM organisations.unit WHERE organisation_id = ? AND service_code = ? AND lower(name) = lower(?) AND id <> ?`,
        [organisationId, serviceCode, name, exceptId ?? '00000000-0000-0000-0000-000000000000'],
      );
      return Number(n) > 0;
    },

    /** The unit as it is inside the caller's transaction, locked until it ends. */
    async forUpdate(id: string): Promise<UnitRow> {
      const [row] = await units('id = ?', [id], 'FOR UPDATE');
      if (!row) throw new Error(`Unit ${id} vanished inside its transaction`);
      return row;
    },

    /** The unit, then its offices and school forms: three statements whatever their number. */
    async insert(unit: { id?: string; organisationId: string; serviceCode: string; name: string }, offices: readonly (AddressData & { id?: string })[], schoolForms: readonly string[]): Promise<{ unit: UnitRow; addresses: AddressRow[] }> {
      const [row] = await db.execute<RawRow<typeof unitColumns>[]>(
        `INSERT INTO organisations.unit (id, organisation_id, service_code, name) VALUES (?, ?, ?, ?) RETURNING ${UNIT}`,
        [unit.id ?? randomUUID(), unit.organisationId, unit.serviceCode, unit.name],
      );
      const created = toUnit(row);
      const addresses = await insertAddresses(created.id, offices);
      if (schoolForms.length) {
        const v = valuesList(schoolForms.map((code) => [created.id, code]));
        await db.execute(`INSERT INTO organisations.unit_school_form (${columnList(unitSchoolFormColumns)}) VALUES ${v.placeholders}`, v.bindings);
      }
      return { unit: created, addresses };
    },

    insertAddresses,

    async rename(id: string, name: string): Promise<UnitRow> {
      const [row] = await db.execute<RawRow<typeof unitColumns>[]>(`UPDATE organisations.unit SET name = ? WHERE id = ? RETURNING ${UNIT}`, [name, id]);
      return toUnit(row);
    },

    async close(id: string): Promise<UnitRow> {
      const [row] = await db.execute<RawRow<typeof unitColumns>[]>(`UPDATE organisations.unit SET closed_at = ? WHERE id = ? RETURNING ${UNIT}`, [new Date(), id]);
      return toUnit(row);
    },

    /** Deletes the address and returns it as it was, or null when it is already gone. */
    async removeAddress(id: string): Promise<AddressRow | null> {
      const [row] = await db.execute<RawRow<typeof addressColumns>[]>(`DELETE FROM organisations.address WHERE id = ? RETURNING ${ADDRESS}`, [id]);
      return row ? toAddress(row) : null;
    },

    /** The ids among `ids` that already exist, per table (the demo seed inserts only missing rows). */
    async existing(table: 'unit' | 'address', ids: readonly string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.execute<{ id: string }[]>(`SELECT id FROM organisations.${table === 'unit' ? 'unit' : 'address'} WHERE id IN (?)`, [[...ids]]);
      return new Set(rows.map((r) => r.id));
    },
  };
}
export type UnitStore = ReturnType<typeof createUnitStore>;
