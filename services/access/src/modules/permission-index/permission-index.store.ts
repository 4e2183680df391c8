import type { EntityManager } from '@mikro-orm/postgresql';
import { PERMISSION_INDEX_CHANNEL } from '@behorig/kit/db';
import type { Access } from '../roles/rules/role-catalogue.data';
import type { OrganisationUnit } from '../unit-facts/unit-facts.store';

/**
 * All SQL of the permission index (R-SCOPE-1…4): its maintenance, inside the caller's transaction
 * (pass the transaction's EntityManager), and its three questions, each ONE statement.
 * Dates travel as `YYYY-MM-DD` text both ways.
 */

/**
 * The one definition of the permission index's rows, shared by the incremental refresh and the full
 * rebuild (so they cannot drift; the consistency test compares them).
 *
 * One row per (role assignment × function the role grants × unit and office the membership covers):
 * - org-wide-only roles (R-USR-3): one row with unit NULL and office NULL, period = the role's;
 * - unit-scoped roles (R-USR-2): one row per unit and office of the membership (office NULL = all
 *   offices of the unit). School-form rows of one unit (R-ORG-5) collapse into one; the unit's
 *   employment ends on the latest end date of its rows (R-END-1/2, NULL = no end), and the row's
 *   `valid_to` is the earlier of that and the role's end. `role_valid_to` keeps the role's own end
 *   for permissionScopes (R-SCOPE-1 reports the assignment's period).
 * Unit facts (migration 009) take closed units and removed offices out. `${FILTER}` is replaced by a
 * condition on the membership `m` (or TRUE for everything).
 */
const SELECT_GRANTS = `
  SELECT m.person_id, m.organisation_id, u.unit_id, u.address_id, ra.role_code, g.function, g.access, ra.valid_from,
         CASE WHEN r.org_wide_only THEN ra.valid_to ELSE least(ra.valid_to, u.valid_to) END,
         ra.valid_to, m.id, ra.id
    FROM access.membership m
    JOIN access.role_assignment ra ON ra.membership_id = m.id
    JOIN access.role r ON r.code = ra.role_code
    JOIN access.role_grant g ON g.role_code = ra.role_code
    LEFT JOIN LATERAL (
      SELECT mu.unit_id, o.address_id,
             CASE WHEN bool_or(mu.valid_to IS NULL) THEN NULL ELSE max(mu.valid_to) END AS valid_to
        FROM access.membership_unit mu
        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(mu.address_ids) > 0 THEN mu.address_ids ELSE ARRAY[NULL::uuid] END) AS o(address_id)
        LEFT JOIN access.unit_fact f ON f.unit_id = mu.unit_id
       WHERE mu.membership_id = m.id AND NOT r.org_wide_only
         -- R-SCOPE-4: a closed unit grants nothing; R-USR-2: nor does an office removed from its unit.
         -- A unit whose facts have not arrived yet is taken as it was granted (R-ORG-3 was checked then).
         AND NOT coalesce(f.closed, false)
         AND (o.address_id IS NULL OR f.unit_id IS NULL OR o.address_id = ANY(f.address_ids))
       GROUP BY mu.unit_id, o.address_id) u ON true
   WHERE (r.org_wide_only OR u.unit_id IS NOT NULL)
     -- an employment at the unit that ended before the role starts never grants there
     AND (r.org_wide_only OR u.valid_to IS NULL OR u.valid_to >= ra.valid_from)
     AND \${FILTER}`;

export const INSERT_GRANTS = (filter: string) => `INSERT INTO access.permission_grant
    (person_id, organisation_id, unit_id, address_id, role_code, function, access, valid_from, valid_to, role_valid_to, membership_id, role_assignment_id)
  ${SELECT_GRANTS.replace('${FILTER}', filter)}`;

/** Fills the whole index from memberships (after bulk loads: tests and the scale seeder). */
export const REBUILD_PERMISSION_INDEX_SQL = INSERT_GRANTS('TRUE');

/** The PostgreSQL channel on which a change to the index is announced (kit's decision cache listens; docs/deploy.md). */
export { PERMISSION_INDEX_CHANNEL };

/**
 * Recomputes the rows of these people in one organisation from their memberships, in the caller's
 * transaction (two statements, whatever the number of people). Call it after every write to
 * memberships, their units or role assignments: applying a change set, a period change, ending an
 * employment, removing a person. A person with no membership left simply loses their rows.
 * Also announces the change (NOTIFY is delivered at COMMIT, so listeners never see an uncommitted index).
 */
export async function refreshPermissionIndex(em: EntityManager, organisationId: string, personIds: readonly string[]): Promise<void> {
  const people = [...new Set(personIds)];
  if (people.length === 0) return;
  const ids = `{${people.join(',')}}`;
  await em.execute(
    `WITH gone AS (DELETE FROM access.permission_grant WHERE organisation_id = ? AND person_id = ANY(?::uuid[]))
     SELECT pg_notify(?, ?)`,
    [organisationId, ids, PERMISSION_INDEX_CHANNEL, organisationId],
  );
  await em.execute(INSERT_GRANTS(`m.organisation_id = ? AND m.person_id = ANY(?::uuid[])`), [organisationId, ids]);
}

/**
 * Unit facts arrived (docs/architecture.md, "Unit facts"): recomputes, in the caller's transaction,
 * the rows of everyone employed at these units (a closed unit and a removed office grant nothing
 * from now on), and announces a change in each of the units' organisations — also where nobody is
 * employed at the unit, since org-wide roles' checks at it change too. Statements: one to find the
 * people, one to announce, and two per organisation with people there.
 */
export async function refreshPermissionIndexAtUnits(em: EntityManager, units: readonly { unitId: string; organisationId: string }[]): Promise<void> {
  if (units.length === 0) return;
  const rows = await em.execute<{ organisation_id: string; people: string[] }[]>(
    `SELECT m.organisation_id, array_agg(DISTINCT m.person_id) AS people
       FROM access.membership_unit mu JOIN access.membership m ON m.id = mu.membership_id
      WHERE mu.unit_id = ANY(?::uuid[]) GROUP BY m.organisation_id`,
    [`{${[...new Set(units.map((u) => u.unitId))].join(',')}}`],
  );
  for (const r of rows) await refreshPermissionIndex(em, r.organisation_id, r.people);
  const orgs = [...new Set(units.map((u) => u.organisationId))].filter((o) => !rows.some((r) => r.organisation_id === o));
  if (orgs.length) await em.execute(`SELECT pg_notify(?, o) FROM unnest(?::text[]) AS o`, [PERMISSION_INDEX_CHANNEL, `{${orgs.join(',')}}`]);
}

/** Recomputes the whole index (after bulk loads such as the scale seeder; the migration's backfill). */
export async function rebuildPermissionIndex(em: EntityManager): Promise<void> {
  await em.execute(`TRUNCATE access.permission_grant`);
  await em.execute(REBUILD_PERMISSION_INDEX_SQL);
  await em.execute(`SELECT pg_notify(?, '*')`, [PERMISSION_INDEX_CHANNEL]);
}

export interface CheckQuery {
  personId: string;
  organisationId: string;
  unitId: string | null;
  addressId: string | null;
  function: string;
  access: Access;
  on: string;
  /** The person asking, whose MANAGE_USERS in the organisation today is read in the same statement (policy). */
  callerPersonId: string | null;
  today: string;
}

/** Why the place asked about refuses by itself (docs/architecture.md, "Unit facts"); null = it does not. */
export type PlaceRefusal = 'UNIT_OF_OTHER_ORGANISATION' | 'UNIT_CLOSED' | 'OFFICE_OF_OTHER_ORGANISATION' | 'OFFICE_OF_OTHER_UNIT';

/** state: 0 active on the day, 1 not yet started, 2 ended (R-PERIOD-1, end inclusive). */
export interface CheckRow {
  placeRefusal: PlaceRefusal | null;
  member: boolean;
  granted: boolean;
  /** Some grant reaches the unit (or no unit was asked), whatever its offices. */
  unitCovered: boolean;
  callerAdministers: boolean;
  roleCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  state: 0 | 1 | 2 | null;
}

const ACTIVE_ON = (d: string) => `valid_from <= ${d}::date AND (valid_to IS NULL OR valid_to >= ${d}::date)`;

/**
 * The place a check or whoCan asks about, from the unit facts access keeps (no call to the
 * organisations service): `refusal` when the unit is not one of the organisation's (R-ORG-3), is
 * closed (R-SCOPE-4), or the office is not a current office of the organisation or of that unit
 * (R-USR-2); `unit_id` the unit to check at (the office's unit when only an office is given).
 * Parameters: unit, organisation, office, unit, organisation, office.
 */
const PLACE = `SELECT CASE
           WHEN ?::uuid IS NOT NULL AND uf.organisation_id IS DISTINCT FROM ?::uuid THEN 'UNIT_OF_OTHER_ORGANISATION'
           WHEN uf.closed THEN 'UNIT_CLOSED'
           WHEN ?::uuid IS NOT NULL AND af.unit_id IS NULL THEN 'OFFICE_OF_OTHER_ORGANISATION'
           WHEN uf.unit_id IS NOT NULL AND af.unit_id IS NOT NULL AND af.unit_id <> uf.unit_id THEN 'OFFICE_OF_OTHER_UNIT'
           WHEN af.closed THEN 'UNIT_CLOSED'
         END AS refusal,
         coalesce(uf.unit_id, af.unit_id) AS unit_id
    FROM (SELECT 1) AS one
    LEFT JOIN access.unit_fact uf ON uf.unit_id = ?::uuid
    LEFT JOIN access.unit_fact af ON af.organisation_id = ?::uuid AND af.address_ids @> ARRAY[?::uuid]`;
const placeParams = (unitId: string | null, organisationId: string, addressId: string | null) => [unitId, organisationId, addressId, unitId, organisationId, addressId];

/**
 * R-SCOPE-2 in one indexed statement: where the place refuses by itself; whether the person is a
 * member, whether any role of theirs grants the function at that level there at all, and the best
 * covering grant (active with the latest end; else the next to start; else the last to end).
 * Org-wide rows (unit NULL) cover any unit; a unit row limited to offices covers only those offices.
 */
export async function findCheckRow(em: EntityManager, q: CheckQuery): Promise<CheckRow> {
  const [row] = await em.execute<{ place_refusal: PlaceRefusal | null; member: boolean; granted: boolean; unit_covered: boolean; caller_administers: boolean; role_code: string | null; valid_from: string | null; valid_to: string | null; state: number | null }[]>(
    `WITH pl AS (${PLACE}
     ), g AS (
       SELECT role_code, unit_id, address_id, valid_from, valid_to
         FROM access.permission_grant
        WHERE person_id = ?::uuid AND organisation_id = ?::uuid AND function = ? AND (access = 'UPDATE' OR ? = 'READ')
     ), c AS (
       SELECT g.role_code, g.valid_from, g.valid_to,
              CASE WHEN g.valid_from > ?::date THEN 1 WHEN g.valid_to < ?::date THEN 2 ELSE 0 END AS state
         FROM g CROSS JOIN pl
        WHERE (pl.unit_id IS NULL OR g.unit_id IS NULL OR g.unit_id = pl.unit_id)
          AND (?::uuid IS NULL OR g.unit_id IS NULL OR g.address_id IS NULL OR g.address_id = ?::uuid)
     )
     SELECT (SELECT refusal FROM pl) AS place_refusal,
            EXISTS (SELECT 1 FROM access.membership WHERE person_id = ?::uuid AND organisation_id = ?::uuid) AS member,
            EXISTS (SELECT 1 FROM g) AS granted,
            EXISTS (SELECT 1 FROM g CROSS JOIN pl WHERE pl.unit_id IS NULL OR g.unit_id IS NULL OR g.unit_id = pl.unit_id) AS unit_covered,
            EXISTS (SELECT 1 FROM access.permission_grant
                     WHERE person_id = ?::uuid AND organisation_id = ?::uuid AND function = 'MANAGE_USERS' AND ${ACTIVE_ON('?')}) AS caller_administers,
            b.role_code, b.valid_from::text AS valid_from, b.valid_to::text AS valid_to, b.state
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT * FROM c
          ORDER BY state, CASE WHEN state = 1 THEN valid_from END, coalesce(valid_to, 'infinity'::date) DESC, role_code
          LIMIT 1) b ON true`,
    [
      ...placeParams(q.unitId, q.organisationId, q.addressId),
      q.personId, q.organisationId, q.function, q.access,
      q.on, q.on,
      q.addressId, q.addressId,
      q.personId, q.organisationId,
      q.callerPersonId, q.organisationId, q.today, q.today,
    ],
  );
  return {
    placeRefusal: row.place_refusal, member: row.member, granted: row.granted, unitCovered: row.unit_covered, callerAdministers: row.caller_administers,
    roleCode: row.role_code, validFrom: row.valid_from, validTo: row.valid_to, state: row.state as CheckRow['state'],
  };
}

export interface WhoCanQuery {
  organisationId: string;
  unitId: string | null;
  addressId: string | null;
  function: string;
  access: Access;
  on: string;
  /** The page: people in person-id order from `offset` (kit's Relay cursors carry offsets). */
  offset: number;
  limit: number;
  callerPersonId: string | null;
  today: string;
}

export interface WhoCanPersonRow {
  id: string;
  personalNumberHash: string;
  personalNumberEnc: string;
  givenName: string;
  surname: string;
  birthDate: string;
  createdAt: Date;
}

export interface WhoCanPage {
  people: WhoCanPersonRow[];
  totalCount: number;
  callerAdministers: boolean;
}

/**
 * R-SCOPE-3 in one statement per page: everyone holding the function at that level there on the
 * day (the same place and coverage as findCheckRow's active rows), in person-id order (a stable order), with
 * the people's rows and the complete count, and whether the caller administers the organisation.
 */
export async function findWhoCanPage(em: EntityManager, q: WhoCanQuery): Promise<WhoCanPage> {
  // The place is one row, computed once (MATERIALIZED), never re-planned into every grant row.
  const rows = await em.execute<{ id: string | null; personal_number_hash: string; personal_number_enc: string; given_name: string; surname: string; birth_date: string; created_at: Date; total: number; caller_administers: boolean }[]>(
    `WITH pl AS MATERIALIZED (${PLACE}
     ), s AS (
       SELECT DISTINCT g.person_id FROM access.permission_grant g CROSS JOIN pl
        WHERE g.organisation_id = ?::uuid AND g.function = ? AND (g.access = 'UPDATE' OR ? = 'READ') AND g.valid_from <= ?::date AND (g.valid_to IS NULL OR g.valid_to >= ?::date)
          AND pl.refusal IS NULL
          AND (pl.unit_id IS NULL OR g.unit_id IS NULL OR g.unit_id = pl.unit_id)
          AND (?::uuid IS NULL OR g.unit_id IS NULL OR g.address_id IS NULL OR g.address_id = ?::uuid)
     )
     SELECT p.id, p.personal_number_hash, p.personal_number_enc, p.given_name, p.surname, p.birth_date::text AS birth_date, p.created_at,
            (SELECT count(*) FROM s)::int AS total,
            EXISTS (SELECT 1 FROM access.permission_grant
                     WHERE person_id = ?::uuid AND organisation_id = ?::uuid AND function = 'MANAGE_USERS' AND ${ACTIVE_ON('?')}) AS caller_administers
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT person_id FROM s ORDER BY person_id OFFSET ? LIMIT ?) page ON true
       LEFT JOIN access.person p ON p.id = page.person_id
      ORDER BY p.id`,
    [
      ...placeParams(q.unitId, q.organisationId, q.addressId),
      q.organisationId, q.function, q.access, q.on, q.on,
      q.addressId, q.addressId,
      q.callerPersonId, q.organisationId, q.today, q.today,
      q.offset, q.limit,
    ],
  );
  const first = rows[0];
  return {
    totalCount: first?.total ?? 0,
    callerAdministers: first?.caller_administers ?? false,
    people: rows.filter((r) => r.id !== null).map((r) => ({
      id: r.id as string, personalNumberHash: r.personal_number_hash, personalNumberEnc: r.personal_number_enc,
      givenName: r.given_name, surname: r.surname, birthDate: r.birth_date, createdAt: r.created_at,
    })),
  };
}

/** One role assignment active on the day, with the units and offices it reaches then. */
export interface ScopeRow {
  organisationId: string;
  roleAssignmentId: string;
  roleCode: string;
  validFrom: string;
  validTo: string | null;
  orgWide: boolean;
  /** [unit id, office id or null = every office] pairs; empty when org-wide. */
  places: [string, string | null][];
  /** The caller holds MANAGE_USERS in this row's organisation today (policy, read in the same statement). */
  callerAdministers: boolean;
}

export interface ScopeAnswer {
  rows: ScopeRow[];
  /** The person is a member of some organisation the caller administers today (policy). */
  memberWhereCallerAdministers: boolean;
  /**
   * Every unit (with its current offices) of each organisation among `rows`, from the unit facts,
   * read in the same statement: a scope's units (R-USR-3, org-wide) and offices (R-USR-2) then cost
   * no further statement, whichever roles the person holds (R-SCOPE-1: one statement).
   */
  organisationUnits: Map<string, OrganisationUnit[]>;
}

const CALLER_ADMINISTERS = (org: string) => `EXISTS (SELECT 1 FROM access.permission_grant c
   WHERE c.person_id = ?::uuid AND c.organisation_id = ${org} AND c.function = 'MANAGE_USERS'
     AND c.valid_from <= ?::date AND (c.valid_to IS NULL OR c.valid_to >= ?::date))`;

/**
 * R-SCOPE-1 in one statement for any number of people (a list asks for a page of people at once):
 * every grant of each person active on the day, one row per role assignment, with its places,
 * ordered as permissionScopes lists them (organisation, role, start); and, for the policy, where
 * the caller administers.
 */
export async function findScopeRows(em: EntityManager, personIds: readonly string[], on: string, callerPersonId: string | null, today: string): Promise<Map<string, ScopeAnswer>> {
  const rows = await em.execute<{ person_id: string; organisation_id: string | null; role_assignment_id: string; role_code: string; valid_from: string; role_valid_to: string | null; org_wide: boolean; places: [string, string | null][] | null; caller_administers: boolean; visible: boolean; org_units: [string, string, boolean, string[]][] | null }[]>(
    `SELECT q.person_id, x.organisation_id, x.role_assignment_id, x.role_code, x.valid_from, x.role_valid_to, x.org_wide, x.places,
            ${CALLER_ADMINISTERS('x.organisation_id')} AS caller_administers,
            EXISTS (SELECT 1 FROM access.membership m WHERE m.person_id = q.person_id AND ${CALLER_ADMINISTERS('m.organisation_id')}) AS visible,
            -- the organisation's units, once per person and organisation (a sub-select in a CASE
            -- runs only when its branch is taken)
            CASE WHEN x.organisation_id IS NOT NULL AND row_number() OVER (PARTITION BY q.person_id, x.organisation_id) = 1 THEN
              (SELECT coalesce(json_agg(json_build_array(f.unit_id, f.name, f.closed, f.address_ids) ORDER BY f.unit_id), '[]'::json)
                 FROM access.unit_fact f WHERE f.organisation_id = x.organisation_id) END AS org_units
       FROM unnest(?::uuid[]) AS q(person_id)
       LEFT JOIN LATERAL (
         SELECT organisation_id, role_assignment_id, role_code, valid_from::text AS valid_from, role_valid_to::text AS role_valid_to,
                bool_or(unit_id IS NULL) AS org_wide,
                json_agg(DISTINCT jsonb_build_array(unit_id, address_id)) FILTER (WHERE unit_id IS NOT NULL) AS places
           FROM access.permission_grant
          WHERE person_id = q.person_id AND ${ACTIVE_ON('?')}
          GROUP BY organisation_id, role_assignment_id, role_code, valid_from, role_valid_to) x ON true
      ORDER BY q.person_id, x.organisation_id, x.role_code, x.valid_from, x.role_assignment_id`,
    [callerPersonId, today, today, callerPersonId, today, today, `{${[...new Set(personIds)].join(',')}}`, on, on],
  );
  const answers = new Map<string, ScopeAnswer>();
  for (const r of rows) {
    let a = answers.get(r.person_id);
    if (!a) answers.set(r.person_id, (a = { rows: [], memberWhereCallerAdministers: r.visible, organisationUnits: new Map() }));
    if (r.organisation_id === null) continue;
    if (r.org_units) a.organisationUnits.set(r.organisation_id, r.org_units.map(([id, name, closed, addressIds]) => ({ id, name, closed, addressIds })));
    a.rows.push({
      organisationId: r.organisation_id, roleAssignmentId: r.role_assignment_id, roleCode: r.role_code,
      validFrom: r.valid_from, validTo: r.role_valid_to, orgWide: r.org_wide, places: r.places ?? [], callerAdministers: r.caller_administers,
    });
  }
  return answers;
}
