import { defineTable, type Db } from '@behorig/kit/db';
import { isUuid } from '@behorig/kit/errors';
import type { KnownUnit } from '../scopes/rules/membership.rules';
import type { UnitFactOfOrganisation, UnitFactOfUnit } from './rules/unit-facts.rules';

/**
 * All SQL of the unit facts access keeps (docs/architecture.md, "Unit facts"; migration 009): what
 * the organisations service publishes about its units and organisations, applied as it arrives and
 * read by grant validation, scopes and the staff list — never asked of that service.
 */
export const UNIT_FACT = defineTable('access.unit_fact', ['unit_id', 'organisation_id', 'service_code', 'name', 'closed', 'school_form_codes', 'address_ids', 'version', 'received_at'], { uuidArrays: ['address_ids'] });
export const ORGANISATION_FACT = defineTable('access.organisation_fact', ['organisation_id', 'name', 'version', 'received_at']);

const uuidArray = (ids: readonly string[]) => `{${[...new Set(ids)].join(',')}}`;
/** Ids that are not UUIDs name no unit (asking PostgreSQL would be a type error). */
const isUuidText = (id: string) => isUuid(id);

/**
 * Applies unit facts in one statement: a fact replaces what is kept only when its version is higher
 * (a redelivered or older fact changes nothing). Returns the units whose facts changed.
 */
export async function applyUnitFacts(db: Db, facts: readonly UnitFactOfUnit[]): Promise<{ unitId: string; organisationId: string }[]> {
  if (facts.length === 0) return [];
  const rows = facts.map((f) => ({
    unit_id: f.unitId, organisation_id: f.organisationId, service_code: f.serviceCode, name: f.name, closed: f.closed,
    school_form_codes: f.schoolFormCodes, address_ids: f.addressIds, version: f.version,
  }));
  const changed = await db.execute<{ unit_id: string; organisation_id: string }[]>(
    `INSERT INTO access.unit_fact AS k (unit_id, organisation_id, service_code, name, closed, school_form_codes, address_ids, version)
     SELECT unit_id, organisation_id, service_code, name, closed, school_form_codes, address_ids, version
       FROM jsonb_to_recordset(?::jsonb) AS x(unit_id uuid, organisation_id uuid, service_code text, name text, closed boolean, school_form_codes text[], address_ids uuid[], version bigint)
     ON CONFLICT (unit_id) DO UPDATE SET organisation_id = excluded.organisation_id, service_code = excluded.service_code, name = excluded.name,
            closed = excluded.closed, school_form_codes = excluded.school_form_codes, address_ids = excluded.address_ids, version = excluded.version, received_at = now()
      WHERE k.version < excluded.version
     RETURNING unit_id, organisation_id`,
    [JSON.stringify(rows)],
  );
  return changed.map((r) => ({ unitId: r.unit_id, organisationId: r.organisation_id }));
}

/** Applies organisation facts in one statement, likewise by version. Returns how many changed. */
export async function applyOrganisationFacts(db: Db, facts: readonly UnitFactOfOrganisation[]): Promise<number> {
  if (facts.length === 0) return 0;
  const rows = facts.map((f) => ({ organisation_id: f.organisationId, name: f.name, version: f.version }));
  const changed = await db.execute<{ organisation_id: string }[]>(
    `INSERT INTO access.organisation_fact AS k (organisation_id, name, version)
     SELECT organisation_id, name, version FROM jsonb_to_recordset(?::jsonb) AS x(organisation_id uuid, name text, version bigint)
     ON CONFLICT (organisation_id) DO UPDATE SET name = excluded.name, version = excluded.version, received_at = now()
      WHERE k.version < excluded.version
     RETURNING organisation_id`,
    [JSON.stringify(rows)],
  );
  return changed.length;
}

/** R-ORG-3, R-ORG-5: the units among `ids` that access knows, with their school forms and offices (missing ids simply do not appear). */
export async function findKnownUnits(db: Db, ids: readonly string[]): Promise<KnownUnit[]> {
  if (ids.length === 0) return [];
  const rows = await db.execute<{ unit_id: string; organisation_id: string; closed: boolean; school_form_codes: string[]; address_ids: string[] }[]>(
    `SELECT unit_id, organisation_id, closed, school_form_codes, address_ids FROM access.unit_fact WHERE unit_id = ANY(?::uuid[])`,
    [uuidArray(ids.filter(isUuidText))],
  );
  return rows.map((r) => ({ id: r.unit_id, organisationId: r.organisation_id, closed: r.closed, schoolFormCodes: r.school_form_codes, addressIds: r.address_ids }));
}

/** Names of the organisations among `ids` that access knows. */
export async function findOrganisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const valid = ids.filter(isUuidText);
  if (valid.length === 0) return new Map();
  const rows = await db.execute<{ organisation_id: string; name: string }[]>(
    `SELECT organisation_id, name FROM access.organisation_fact WHERE organisation_id = ANY(?::uuid[])`,
    [uuidArray(valid)],
  );
  return new Map(rows.map((r) => [r.organisation_id, r.name]));
}

/** A unit of an organisation as it is now: its offices (address ids), name and whether it is closed. */
export interface OrganisationUnit {
  id: string;
  addressIds: string[];
  name: string;
  closed: boolean;
}

/** Every unit of each organisation among `ids`, sorted by id, in one statement (R-USR-3 lists them; R-USR-2 offices). */
export async function findOrganisationUnits(db: Db, ids: readonly string[]): Promise<Map<string, OrganisationUnit[]>> {
  const valid = ids.filter(isUuidText);
  const out = new Map<string, OrganisationUnit[]>(valid.map((id) => [id, []]));
  if (valid.length === 0) return out;
  const rows = await db.execute<{ unit_id: string; organisation_id: string; name: string; closed: boolean; address_ids: string[] }[]>(
    `SELECT unit_id, organisation_id, name, closed, address_ids FROM access.unit_fact WHERE organisation_id = ANY(?::uuid[]) ORDER BY organisation_id, unit_id`,
    [uuidArray(valid)],
  );
  for (const r of rows) out.get(r.organisation_id)?.push({ id: r.unit_id, addressIds: r.address_ids, name: r.name, closed: r.closed });
  return out;
}
