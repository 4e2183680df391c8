/**
 * The one definition of the permission index's rows, shared by the migration that creates it and
 * the store that maintains it (so the backfill and the incremental refresh cannot drift).
 *
 * One row per (role assignment × function the role grants × unit and office the membership covers):
 * - org-wide-only roles (R-USR-3): one row with unit NULL and office NULL, period = the role's;
 * - unit-scoped roles (R-USR-2): one row per unit and office of the membership (office NULL = all
 *   offices of the unit). School-form rows of one unit (R-ORG-5) collapse into one; the unit's
 *   employment ends on the latest end date of its rows (R-END-1/2, NULL = no end), and the row's
 *   `valid_to` is the earlier of that and the role's end. `role_valid_to` keeps the role's own end
 *   for permissionScopes (R-SCOPE-1 reports the assignment's period).
 * `${FILTER}` is replaced by a condition on the membership `m` (or TRUE for everything).
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
       WHERE mu.membership_id = m.id AND NOT r.org_wide_only
       GROUP BY mu.unit_id, o.address_id) u ON true
   WHERE (r.org_wide_only OR u.unit_id IS NOT NULL)
     -- an employment at the unit that ended before the role starts never grants there
     AND (r.org_wide_only OR u.valid_to IS NULL OR u.valid_to >= ra.valid_from)
     AND \${FILTER}`;

export const INSERT_GRANTS = (filter: string) => `INSERT INTO access.permission_grant
    (person_id, organisation_id, unit_id, address_id, role_code, function, access, valid_from, valid_to, role_valid_to, membership_id, role_assignment_id)
  ${SELECT_GRANTS.replace('${FILTER}', filter)}`;

/** Fills the whole index from memberships (the migration's backfill; tests and the scale seeder). */
export const REBUILD_PERMISSION_INDEX_SQL = INSERT_GRANTS('TRUE');
