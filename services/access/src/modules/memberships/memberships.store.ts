import { randomUUID } from 'node:crypto';
import { childrenLoader, defineTable, placeholders, toDate, type Db } from '@behorig/kit/db';
import { PERSON, toPersonRow, type PersonRecord, type PersonRow } from '../people/people.store';
import type { StaffSortField, StaffStatus } from './rules/staff-list.rules';
import { keptEmploymentEnd } from './rules/membership-levels.rules';

/**
 * The three levels of R-USR-2: a person's membership of an organisation (level 1; organisation ids
 * come from the organisations subgraph), its units (level 2, with school forms R-ORG-5 and offices)
 * and its role assignments with their periods (level 3, R-PERIOD-1).
 */
export const MEMBERSHIP = defineTable('access.membership', ['id', 'person_id', 'organisation_id', 'version', 'email', 'created_at']);
export const MEMBERSHIP_UNIT = defineTable('access.membership_unit', ['id', 'membership_id', 'unit_id', 'school_form_code', 'valid_to', 'address_ids'], { uuidArrays: ['address_ids'] });
export const ROLE_ASSIGNMENT = defineTable('access.role_assignment', ['id', 'membership_id', 'role_code', 'valid_from', 'valid_to']);

/** A list of uuids as a PostgreSQL array literal for `?::uuid[]` (null stays null = all offices, R-USR-2). */
function pgUuidArray(ids: readonly string[] | null | undefined): string | null {
  return ids && ids.length > 0 ? `{${ids.join(',')}}` : null;
}

export interface MembershipRow {
  id: string;
  personId: string;
  organisationId: string;
  /** Optimistic locking (migration 004): +1 on every write concerning the person here. */
  version: number;
  /** R-USR-5: contact details belong to the membership, never to the shared identity row. */
  email: string | null;
  createdAt: Date;
}

export interface MembershipUnitRow {
  id: string;
  membershipId: string;
  unitId: string;
  /** R-ORG-5: one school form of the unit; null = all of them. */
  schoolFormCode: string | null;
  /** R-END-2: the employment at this unit ends after this day (null = no end date). */
  validTo: string | null;
  /** R-USR-2 level two (migration 006): the offices of the unit; null = all of them, including later ones. */
  addressIds: string[] | null;
}

export interface RoleAssignmentRow {
  id: string;
  membershipId: string;
  roleCode: string;
  validFrom: string;
  /** Inclusive; null = open-ended (R-PERIOD-1). */
  validTo: string | null;
}

/** A permission administrator's period in an organisation (R-AGR-3). */
export interface AdministratorPeriod { organisationId: string; personId: string; validFrom: string; validTo: string | null }

interface MembershipRecord { id: string; person_id: string; organisation_id: string; version: number; email: string | null; created_at: string | Date }
interface MembershipUnitRecord { id: string; membership_id: string; unit_id: string; school_form_code: string | null; valid_to: string | null; address_ids: string[] | null }
interface RoleAssignmentRecord { id: string; membership_id: string; role_code: string; valid_from: string; valid_to: string | null }

const toMembershipRow = (r: MembershipRecord): MembershipRow => ({ id: r.id, personId: r.person_id, organisationId: r.organisation_id, version: r.version, email: r.email, createdAt: toDate(r.created_at) });
const toUnitRow = (r: MembershipUnitRecord): MembershipUnitRow => ({ id: r.id, membershipId: r.membership_id, unitId: r.unit_id, schoolFormCode: r.school_form_code, validTo: r.valid_to, addressIds: r.address_ids });
const toRoleAssignmentRow = (r: RoleAssignmentRecord): RoleAssignmentRow => ({ id: r.id, membershipId: r.membership_id, roleCode: r.role_code, validFrom: r.valid_from, validTo: r.valid_to });

const ADMINISTRATORS = `SELECT m.organisation_id, m.person_id, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
   FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id JOIN access.role r ON r.code = ra.role_code
  WHERE r.is_permission_admin`;
type AdministratorRecord = { organisation_id: string; person_id: string; valid_from: string; valid_to: string | null };
const toAdministrator = (r: AdministratorRecord): AdministratorPeriod => ({ organisationId: r.organisation_id, personId: r.person_id, validFrom: r.valid_from, validTo: r.valid_to });

/** Request-scoped loaders: one statement per batch (`WHERE … IN (...)`), never one per item. */
export function createMembershipLoaders(db: Db) {
  return {
    membershipsByPerson: childrenLoader<MembershipRow>(async (ids) => (await db.execute<MembershipRecord[]>(
      `SELECT ${MEMBERSHIP.list()} FROM access.membership WHERE person_id IN (${placeholders(ids)}) ORDER BY created_at, id`, [...ids])).map(toMembershipRow), (m) => m.personId),
    unitsByMembership: childrenLoader<MembershipUnitRow>(async (ids) => (await db.execute<MembershipUnitRecord[]>(
      `SELECT ${MEMBERSHIP_UNIT.list()} FROM access.membership_unit WHERE membership_id IN (${placeholders(ids)}) ORDER BY unit_id, school_form_code`, [...ids])).map(toUnitRow), (u) => u.membershipId),
    rolesByMembership: childrenLoader<RoleAssignmentRow>(async (ids) => (await db.execute<RoleAssignmentRecord[]>(
      `SELECT ${ROLE_ASSIGNMENT.list()} FROM access.role_assignment WHERE membership_id IN (${placeholders(ids)}) ORDER BY valid_from, role_code`, [...ids])).map(toRoleAssignmentRow), (r) => r.membershipId),
    /** R-AGR-3: permission administrators' periods per organisation (one joined statement per batch). */
    administratorsByOrganisation: childrenLoader<AdministratorPeriod>(async (ids) => (await db.execute<AdministratorRecord[]>(
      `${ADMINISTRATORS} AND m.organisation_id IN (${placeholders(ids)})`, [...ids])).map(toAdministrator), (r) => r.organisationId),
  };
}

/** The permission administrators' periods in an organisation (R-AGR-3), read inside the caller's transaction. */
export async function administratorPeriods(db: Db, organisationId: string): Promise<AdministratorPeriod[]> {
  return (await db.execute<AdministratorRecord[]>(`${ADMINISTRATORS} AND m.organisation_id = ?`, [organisationId])).map(toAdministrator);
}

/**
 * R-AGR-3 under concurrency: every write that can change an organisation's administrators takes
 * this transaction-scoped lock first and only then reads the administrators, so two administrators
 * removing each other at the same moment are serialised and the second sees the first's change.
 * (An advisory lock on the organisation id behaves like a per-organisation lock row without
 * needing one for organisations that have no agreement yet.)
 */
export async function lockOrganisation(db: Db, organisationId: string): Promise<void> {
  await db.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 4002))`, [`access:organisation:${organisationId}`]);
}

/** Is the person a member of the organisation? */
export async function isMember(db: Db, personId: string, organisationId: string): Promise<boolean> {
  const rows = await db.execute<{ one: number }[]>(`SELECT 1 AS one FROM access.membership WHERE person_id = ? AND organisation_id = ? LIMIT 1`, [personId, organisationId]);
  return rows.length > 0;
}

/**
 * Optimistic locking: +1 on the person's membership version in the organisation. With `expected`,
 * only while the version is still that one. Returns the new version, or null when no row matched.
 */
export async function bumpVersion(db: Db, organisationId: string, personId: string, expected?: number | null): Promise<number | null> {
  const check = expected === undefined || expected === null ? '' : ' AND version = ?';
  const [row] = await db.execute<{ version: number }[]>(
    `UPDATE access.membership SET version = version + 1 WHERE person_id = ? AND organisation_id = ?${check} RETURNING version`,
    check ? [personId, organisationId, expected] : [personId, organisationId]);
  return row ? row.version : null;
}

/** +1 on a membership's version by its id (a write concerning the person that proposals must not overwrite). */
export async function bumpVersionById(db: Db, membershipId: string): Promise<void> {
  await db.execute(`UPDATE access.membership SET version = version + 1 WHERE id = ?`, [membershipId]);
}

/** What one page of the staff list is asked for (see `staffPage`). */
export interface StaffPageQuery {
  organisationId: string;
  /** Today and today + ENDING_SOON_DAYS (staff-list.rules.ts), Stockholm dates. */
  today: string;
  soonUntil: string;
  search: { pattern: string; digits: string | null; unitIds: readonly string[] } | null;
  statuses: readonly StaffStatus[] | null;
  roleCode: string | null;
  sortBy: StaffSortField;
  direction: 'ASC' | 'DESC';
  limit: number;
  offset: number;
}

/** The key each sort field orders by; every order ends with surname, given name and id so pages never overlap. */
const STAFF_ORDER: Record<StaffSortField, string> = {
  NAME: 'surname %s, given_name %s, id %s',
  BIRTH_DATE: 'birth_date %s, surname, given_name, id',
  EMAIL: 'member_email %s, surname, given_name, id',
  ROLE: 'sort_role %s, surname, given_name, id',
  VALID_FROM: 'sort_from %s, surname, given_name, id',
  VALID_TO: 'sort_to %s, surname, given_name, id',
};

/**
 * One page of an organisation's staff, searched, filtered and sorted across the whole list, with the
 * total (window count) in the same statement; a page past the end costs one count. Status is
 * computed here from the role periods on `today` exactly as `staffStatusOf` does (R-PERIOD-5).
 * MATERIALIZED: the page needs the whole membership for its total anyway, so start from the
 * organisation's memberships. Left to itself the planner walks person_name_idx over EVERY person
 * for the ORDER BY … LIMIT (measured 520 ms → 21 ms for 1,164 members among 200,000 people).
 */
export async function staffPage(db: Db, q: StaffPageQuery): Promise<{ people: PersonRow[]; total: number }> {
  const params: unknown[] = [...(q.statuses ? [q.today, q.soonUntil, q.today, q.today, q.today] : []), q.organisationId];
  const where = ['m.organisation_id = ?'];
  if (q.search) {
    const s = q.search;
    const any = [
      `p.given_name ILIKE ?`, `p.surname ILIKE ?`, `(p.given_name || ' ' || p.surname) ILIKE ?`, `(p.surname || ', ' || p.given_name) ILIKE ?`,
      `m.email ILIKE ?`, `to_char(p.birth_date, 'YYYY-MM-DD') LIKE ?`,
      `EXISTS (SELECT 1 FROM access.role_assignment ra JOIN access.role r ON r.code = ra.role_code WHERE ra.membership_id = m.id AND (r.name ILIKE ? OR r.code ILIKE ?))`,
    ];
    params.push(s.pattern, s.pattern, s.pattern, s.pattern, s.pattern, s.pattern, s.pattern, s.pattern);
    if (s.digits) { any.push(`to_char(p.birth_date, 'YYYYMMDD') LIKE ?`); params.push(s.digits); }
    if (s.unitIds.length > 0) { any.push(`EXISTS (SELECT 1 FROM access.membership_unit mu WHERE mu.membership_id = m.id AND mu.unit_id = ANY(?::uuid[]))`); params.push(pgUuidArray(s.unitIds)); }
    where.push(`(${any.join(' OR ')})`);
  }
  if (q.roleCode) {
    where.push(`EXISTS (SELECT 1 FROM access.role_assignment ra WHERE ra.membership_id = m.id AND ra.role_code = ?)`);
    params.push(q.roleCode);
  }
  const statusWhere = q.statuses ? `WHERE staff_status IN (${placeholders(q.statuses)})` : '';
  const dir = q.direction === 'DESC' ? 'DESC' : 'ASC';
  const order = STAFF_ORDER[q.sortBy].replace(/%s/g, dir);
  // Each computed column costs subqueries for every member of the organisation: only the status
  // filter and the chosen sort's key are computed (the page's own status comes from its roles).
  const computed = [
    ...(q.statuses ? [`CASE WHEN EXISTS (SELECT 1 FROM access.role_assignment ra WHERE ra.membership_id = m.id AND ra.valid_from <= ?::date AND (ra.valid_to IS NULL OR ra.valid_to > ?::date)) THEN 'ACTIVE'
           WHEN EXISTS (SELECT 1 FROM access.role_assignment ra WHERE ra.membership_id = m.id AND ra.valid_from <= ?::date AND ra.valid_to >= ?::date) THEN 'ENDING_SOON'
           WHEN EXISTS (SELECT 1 FROM access.role_assignment ra WHERE ra.membership_id = m.id AND ra.valid_from > ?::date) THEN 'UPCOMING'
           ELSE 'ENDED' END AS staff_status`] : []),
    ...(q.sortBy === 'ROLE' ? ['(SELECT min(r.name) FROM access.role_assignment ra JOIN access.role r ON r.code = ra.role_code WHERE ra.membership_id = m.id) AS sort_role'] : []),
    ...(q.sortBy === 'VALID_FROM' ? ['(SELECT min(ra.valid_from) FROM access.role_assignment ra WHERE ra.membership_id = m.id) AS sort_from'] : []),
    ...(q.sortBy === 'VALID_TO' ? ['(SELECT CASE WHEN count(*) = 0 OR bool_or(ra.valid_to IS NULL) THEN NULL ELSE max(ra.valid_to) END FROM access.role_assignment ra WHERE ra.membership_id = m.id) AS sort_to'] : []),
  ];
  const members = `SELECT ${PERSON.list(undefined, 'p')}, m.email AS member_email${computed.map((c) => `,
      ${c}`).join('')}
    FROM access.person p JOIN access.membership m ON m.person_id = p.id WHERE ${where.join(' AND ')}`;
  const statusParams = q.statuses ? [...q.statuses] : [];
  const rows = await db.execute<(PersonRecord & { total_count: string })[]>(
    `WITH members AS MATERIALIZED (${members})
     SELECT members.*, count(*) OVER () AS total_count FROM members ${statusWhere} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, ...statusParams, q.limit, q.offset]);
  let total = rows.length > 0 ? Number(rows[0].total_count) : 0;
  if (rows.length === 0 && q.offset > 0) {
    const [c] = await db.execute<{ n: string }[]>(`WITH members AS MATERIALIZED (${members}) SELECT count(*) AS n FROM members ${statusWhere}`, [...params, ...statusParams]);
    total = Number(c.n);
  }
  return { people: rows.map(toPersonRow), total };
}

/** R-PERIOD-4: one role assignment's new end date. */
export async function setRoleValidTo(db: Db, assignmentId: string, validTo: string | null): Promise<void> {
  await db.execute(`UPDATE access.role_assignment SET valid_to = ? WHERE id = ?`, [validTo, assignmentId]);
}

/** Level-2 rows of a membership as they are inside the caller's transaction (R-END). */
export async function unitRowsOf(db: Db, membershipId: string): Promise<MembershipUnitRow[]> {
  return (await db.execute<MembershipUnitRecord[]>(
    `SELECT ${MEMBERSHIP_UNIT.list()} FROM access.membership_unit WHERE membership_id = ?`, [membershipId])).map(toUnitRow);
}

/** R-END-1: the employment at a unit ends on `endDate` (or earlier, when it already did). */
export async function endUnitRow(db: Db, unitRowId: string, endDate: string): Promise<void> {
  await db.execute(`UPDATE access.membership_unit SET valid_to = LEAST(coalesce(valid_to, ?::date), ?::date) WHERE id = ?`, [endDate, endDate, unitRowId]);
}

export async function deleteUnitRow(db: Db, unitRowId: string): Promise<void> {
  await db.execute(`DELETE FROM access.membership_unit WHERE id = ?`, [unitRowId]);
}

export async function insertUnitRow(db: Db, row: Omit<MembershipUnitRow, 'id'>): Promise<MembershipUnitRow> {
  const id = randomUUID();
  await db.execute(
    `INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code, valid_to, address_ids) VALUES (?, ?, ?, ?, ?, ?::uuid[])`,
    [id, row.membershipId, row.unitId, row.schoolFormCode, row.validTo, pgUuidArray(row.addressIds)]);
  return { id, ...row };
}

/** R-END-4: roles that would only start after `endDate` are withdrawn, the others end on it. */
export async function endRolesOn(db: Db, membershipId: string, endDate: string): Promise<void> {
  await db.execute(`DELETE FROM access.role_assignment WHERE membership_id = ? AND valid_from > ?::date`, [membershipId, endDate]);
  await db.execute(`UPDATE access.role_assignment SET valid_to = ?::date WHERE membership_id = ? AND (valid_to IS NULL OR valid_to > ?::date)`, [endDate, membershipId, endDate]);
}

/**
 * The membership of a person in an organisation, created when missing. `email`: 'keep' keeps a
 * stored e-mail (filling it only when empty); 'replace' writes this one and bumps the version (a
 * signed change carries the person's whole state, R-SIGN-3).
 */
export async function ensureMembership(db: Db, personId: string, organisationId: string, email: string | null, mode: 'keep' | 'replace'): Promise<string> {
  const onConflict = mode === 'keep'
    ? 'email = COALESCE(access.membership.email, EXCLUDED.email)'
    : 'version = access.membership.version + 1, email = EXCLUDED.email';
  const [row] = await db.execute<{ id: string }[]>(
    `INSERT INTO access.membership (id, person_id, organisation_id, email) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id, organisation_id) DO UPDATE SET ${onConflict} RETURNING id`,
    [randomUUID(), personId, organisationId, email]);
  return row.id;
}

/** R-AGR-2: a role from `from` with no end date, unless the membership already holds it open-ended from then or earlier. */
export async function grantOpenEndedRole(db: Db, membershipId: string, roleCode: string, from: string): Promise<void> {
  await db.execute(
    `INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to)
     SELECT ?, ?, ?, ?::date, NULL WHERE NOT EXISTS (
       SELECT 1 FROM access.role_assignment WHERE membership_id = ? AND role_code = ? AND valid_to IS NULL AND valid_from <= ?::date)`,
    [randomUUID(), membershipId, roleCode, from, membershipId, roleCode, from]);
}

/** Levels 2 and 3 of a membership as JSON, for an audit event's `before`. */
export async function levelsSnapshot(db: Db, membershipId: string): Promise<{ roles: unknown; units: unknown }> {
  const [before] = await db.execute<{ roles: unknown; units: unknown }[]>(
    `SELECT (SELECT coalesce(json_agg(json_build_object('roleCode', role_code, 'validFrom', valid_from, 'validTo', valid_to) ORDER BY role_code), '[]') FROM access.role_assignment WHERE membership_id = ?) AS roles,
            (SELECT coalesce(json_agg(json_build_object('unitId', unit_id, 'schoolFormCode', school_form_code, 'validTo', valid_to, 'addressIds', address_ids) ORDER BY unit_id), '[]') FROM access.membership_unit WHERE membership_id = ?) AS units`,
    [membershipId, membershipId]);
  return before;
}

/** Replaces levels 2 and 3 of a membership with the given state (a signed change carries the whole state). */
export async function replaceLevels(db: Db, membershipId: string, state: {
  unitGrants: readonly { unitId: string; schoolFormCodes: readonly string[] | null; addressIds?: readonly string[] | null }[];
  roleCodes: readonly string[]; validFrom: string; validTo: string | null;
  /** R-REV-1: each role's own period (a reviewed change); absent = every role gets validFrom…validTo. */
  rolePeriods?: Readonly<Record<string, { validFrom: string; validTo: string | null }>> | null;
}, today: string): Promise<void> {
  // R-END-1: the units' planned endings stand (a change carries no unit end dates).
  const previous = await unitRowsOf(db, membershipId);
  await db.execute(`DELETE FROM access.membership_unit WHERE membership_id = ?`, [membershipId]);
  await db.execute(`DELETE FROM access.role_assignment WHERE membership_id = ?`, [membershipId]);
  for (const u of state.unitGrants) {
    for (const sf of u.schoolFormCodes ?? [null]) {
      await db.execute(`INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code, valid_to, address_ids) VALUES (?, ?, ?, ?, ?, ?::uuid[])`,
        [randomUUID(), membershipId, u.unitId, sf, keptEmploymentEnd(previous, u.unitId, sf, today), pgUuidArray(u.addressIds)]);
    }
  }
  for (const role of state.roleCodes) {
    const period = state.rolePeriods?.[role] ?? { validFrom: state.validFrom, validTo: state.validTo };
    await db.execute(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`, [randomUUID(), membershipId, role, period.validFrom, period.validTo]);
  }
}

export async function deleteMembership(db: Db, personId: string, organisationId: string): Promise<void> {
  await db.execute(`DELETE FROM access.membership WHERE person_id = ? AND organisation_id = ?`, [personId, organisationId]);
}

/** A person's role assignments in one organisation with their sealed number (the signer of a change set, R-ROLE-3). */
export async function rolesInOrganisation(db: Db, personId: string, organisationId: string): Promise<{ personId: string; personalNumberHash: string; personalNumberEnc: string; roleCode: string; validFrom: string; validTo: string | null }[]> {
  const rows = await db.execute<{ person_id: string; personal_number_hash: string; personal_number_enc: string; role_code: string; valid_from: string; valid_to: string | null }[]>(
    `SELECT p.id AS person_id, p.personal_number_hash, p.personal_number_enc, ra.role_code, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
       FROM access.person p JOIN access.membership m ON m.person_id = p.id JOIN access.role_assignment ra ON ra.membership_id = m.id
      WHERE p.id = ? AND m.organisation_id = ?`, [personId, organisationId]);
  return rows.map((r) => ({ personId: r.person_id, personalNumberHash: r.personal_number_hash, personalNumberEnc: r.personal_number_enc, roleCode: r.role_code, validFrom: r.valid_from, validTo: r.valid_to }));
}
