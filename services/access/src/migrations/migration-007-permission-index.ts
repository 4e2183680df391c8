import { Migration } from '@mikro-orm/migrations';
import { REBUILD_PERMISSION_INDEX_SQL } from '../modules/permission-index/permission-index.sql';

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
    this.addSql(REBUILD_PERMISSION_INDEX_SQL);
  }
}
