import { Migration } from '@mikro-orm/migrations';

/**
 * The backfill as it was when this migration ran (the store's statement has since learned unit
 * facts, migration 009; a migration never changes with the code).
 */
const BACKFILL = `INSERT INTO access.permission_grant
    (person_id, organisation_id, unit_id, address_id, role_code, function, access, valid_from, valid_to, role_valid_to, membership_id, role_assignment_id)
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
       WHERE mu.membership_id = m.id AND NOT r.org_wide_only
       GROUP BY mu.unit_id, o.address_id) u ON true
   WHERE (r.org_wide_only OR u.unit_id IS NOT NULL)
     -- an employment at the unit that ended before the role starts never grants there
     AND (r.org_wide_only OR u.valid_to IS NULL OR u.valid_to >= ra.valid_from)
     AND TRUE`;

/**
 * The permission index (R-SCOPE-1…4, docs/domain.md): one row per effective grant — person,
 * organisation, unit (NULL = every unit of the organisation, R-USR-3, so units created later are
 * covered without new rows), office (NULL = every office of the unit, R-USR-2 level two), role,
 * function, access level and the period in which the grant holds. It is derived data: every write
 * to memberships, their units and role assignments refreshes the rows of the people it touched in
 * the same transaction (permission-index.store.ts), and this migration fills it from what exists.
 *
 * Indexes: a point check reads (person, organisation, function); `whoCan` pages read
 * (organisation, function, person) in person order; a refresh deletes by (organisation, person).
 */
export class Migration007PermissionIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE access.permission_grant (
      person_id uuid NOT NULL,
      organisation_id uuid NOT NULL,
      unit_id uuid,
      address_id uuid,
      role_code text NOT NULL,
      function text NOT NULL,
      access text NOT NULL CHECK (access IN ('READ','UPDATE')),
      valid_from date NOT NULL,
      valid_to date,
      role_valid_to date,
      membership_id uuid NOT NULL,
      role_assignment_id uuid NOT NULL)`);
    this.addSql(`CREATE INDEX permission_grant_check_idx ON access.permission_grant (person_id, organisation_id, function)`);
    this.addSql(`CREATE INDEX permission_grant_who_idx ON access.permission_grant (organisation_id, function, person_id)`);
    // permissionScopes(person, day) reads every grant of one person: the check index's prefix serves it.
    this.addSql(BACKFILL);
  }
}
