import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '@behorig/kit';
import { PersonEntity, type PersonRow } from './entities/person.entity';
import { MembershipEntity, type MembershipRow, type MembershipUnitRow, type RoleAssignmentRow } from './entities/membership.entity';
import { RoleEntity, type RoleRow } from './entities/role.entity';
import { AgreementEntity, type AgreementRow } from './entities/agreement.entity';
import { ChangeSetEntity, PendingChangeEntity, type ChangeSetRow, type PendingChangeRow } from './entities/change-set.entity';
import type { FunctionGrant, RoleLike } from './domain';

/** A catalogue role as the rules want it: the row plus its grants (the matrix row). */
export type CatalogueRole = RoleRow & RoleLike;

/**
 * The whole role catalogue, read once per request (two statements), in catalogue order. Plain SQL
 * rather than `em.find`: the result was always copied into plain objects, and hydrating ~130
 * role and grant entities per request was the access service's largest ORM cost in the bench's
 * CPU profile (MikroORM identity-map work on every permissionScopes/checkAccess call).
 */
export async function loadCatalogue(em: EntityManager): Promise<Map<string, CatalogueRole>> {
  const [roles, grants] = await Promise.all([
    em.execute<{ code: string; name: string; system: string; org_wide_only: boolean; is_permission_admin: boolean; is_responsible: boolean; sort_order: number }[]>(
      `SELECT code, name, system, org_wide_only, is_permission_admin, is_responsible, sort_order FROM access.role ORDER BY sort_order, code`),
    em.execute<{ role_code: string; function: string; access: FunctionGrant['access'] }[]>(`SELECT role_code, function, access FROM access.role_grant`),
  ]);
  const byRole = new Map<string, FunctionGrant[]>();
  for (const g of grants) {
    const list = byRole.get(g.role_code) ?? [];
    list.push({ function: g.function, access: g.access });
    byRole.set(g.role_code, list);
  }
  return new Map(roles.map((r) => [r.code, {
    code: r.code, name: r.name, system: r.system, orgWideOnly: r.org_wide_only, isPermissionAdmin: r.is_permission_admin,
    isResponsible: r.is_responsible, sortOrder: r.sort_order, grants: byRole.get(r.code) ?? [],
  }]));
}

/**
 * The role catalogue, cached per process (per ORM instance): it changes only by migration, and
 * migrations run before a process serves, so a process never sees it change. A failed read is not
 * kept. R-SCOPE-1: permissionScopes is then one statement.
 */
const catalogues = new WeakMap<object, Promise<Map<string, CatalogueRole>>>();
export function processCatalogue(em: EntityManager): Promise<Map<string, CatalogueRole>> {
  let found = catalogues.get(em.config);
  if (!found) {
    found = loadCatalogue(em.fork());
    catalogues.set(em.config, found);
    found.catch(() => catalogues.delete(em.config));
  }
  return found;
}

/** Drops the cached catalogue (after a change of roles or grants in a running process, e.g. a test). */
export function invalidateCatalogue(em: EntityManager): void {
  catalogues.delete(em.config);
}

/** One SQL statement per batch: `WHERE … IN (...)` — never one per item. */
export function createLoaders(em: EntityManager) {
  return {
    catalogue: () => processCatalogue(em),
    person: byIdLoader<PersonRow>((ids) => em.find(PersonEntity, { id: { $in: [...ids] } }), (p) => p.id),
    role: byIdLoader<RoleRow>((codes) => em.find(RoleEntity, { code: { $in: [...codes] } }), (r) => r.code),
    membershipsByPerson: childrenLoader<MembershipRow>((ids) => em.find(MembershipEntity, { personId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (m) => m.personId),
    membershipsByOrganisation: childrenLoader<MembershipRow>((ids) => em.find(MembershipEntity, { organisationId: { $in: [...ids] } }), (m) => m.organisationId),
    // Levels 2 and 3 are read on every scope, check and staff row: plain SQL into the rows' shape
    // (dates stay YYYY-MM-DD strings, as the ORM gives them) skips entity hydration — the bench's
    // profile showed MikroORM's identity-map work as the access service's largest CPU cost.
    unitsByMembership: childrenLoader<MembershipUnitRow>(async (ids) => (await em.execute<{ id: string; membership_id: string; unit_id: string; school_form_code: string | null; valid_to: string | null; address_ids: string[] | null }[]>(
      `SELECT id, membership_id, unit_id, school_form_code, valid_to, address_ids::text[] AS address_ids FROM access.membership_unit WHERE membership_id IN (${ids.map(() => '?').join(', ')}) ORDER BY unit_id, school_form_code`, [...ids],
    )).map((r) => ({ id: r.id, membershipId: r.membership_id, unitId: r.unit_id, schoolFormCode: r.school_form_code, validTo: r.valid_to, addressIds: r.address_ids }) as MembershipUnitRow), (u) => u.membershipId),
    rolesByMembership: childrenLoader<RoleAssignmentRow>(async (ids) => (await em.execute<{ id: string; membership_id: string; role_code: string; valid_from: string; valid_to: string | null }[]>(
      `SELECT id, membership_id, role_code, valid_from, valid_to FROM access.role_assignment WHERE membership_id IN (${ids.map(() => '?').join(', ')}) ORDER BY valid_from, role_code`, [...ids],
    )).map((r) => ({ id: r.id, membershipId: r.membership_id, roleCode: r.role_code, validFrom: r.valid_from, validTo: r.valid_to }) as RoleAssignmentRow), (r) => r.membershipId),
    agreement: byIdLoader<AgreementRow>((ids) => em.find(AgreementEntity, { id: { $in: [...ids] } }), (a) => a.id),
    changeSet: byIdLoader<ChangeSetRow>((ids) => em.find(ChangeSetEntity, { id: { $in: [...ids] } }), (c) => c.id),
    agreementByOrganisation: byIdLoader<AgreementRow>((ids) => em.find(AgreementEntity, { organisationId: { $in: [...ids] } }), (a) => a.organisationId),
    openChangeSetByOrganisation: byIdLoader<ChangeSetRow>((ids) => em.find(ChangeSetEntity, { organisationId: { $in: [...ids] }, status: { $in: ['DRAFT', 'SIGNING'] } }), (c) => c.organisationId),
    /** R-AGR-3: permission administrators' periods per organisation (one joined statement per batch). */
    administratorsByOrganisation: childrenLoader<{ organisationId: string; personId: string; validFrom: string; validTo: string | null }>(
      async (ids) => {
        const rows = await em.execute<{ organisation_id: string; person_id: string; valid_from: string; valid_to: string | null }[]>(
          `SELECT m.organisation_id, m.person_id, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
             FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id JOIN access.role r ON r.code = ra.role_code
            WHERE r.is_permission_admin AND m.organisation_id IN (${ids.map(() => '?').join(', ')})`,
          [...ids],
        );
        return rows.map((r) => ({ organisationId: r.organisation_id, personId: r.person_id, validFrom: r.valid_from, validTo: r.valid_to }));
      },
      (r) => r.organisationId,
    ),
    changesBySet: childrenLoader<PendingChangeRow>((ids) => em.find(PendingChangeEntity, { changeSetId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (c) => c.changeSetId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
