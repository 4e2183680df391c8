import { catalogueRolesByCode, type Access, type FunctionGrant, type RoleLike, type RolesByCode } from './role-catalogue.data';

/**
 * Access levels and who may grant what (R-ROLE-2, R-ROLE-3, R-USR-4). Pure functions.
 */

/** R-ROLE-2a: UPDATE implies READ; READ does not imply UPDATE. */
export function accessSatisfies(held: Access, wanted: Access): boolean {
  return held === 'UPDATE' || wanted === 'READ';
}

/** Does this list of grants give `access` to `fn`? (UPDATE implies READ.) */
export function grantsAccess(grants: readonly FunctionGrant[], fn: string, access: Access): boolean {
  return grants.some((g) => g.function === fn && accessSatisfies(g.access, access));
}

/** R-USR-4: roles combine freely, so a set of roles holds a function if any one of them does. */
export function holdsFunction(roles: readonly Pick<RoleLike, 'grants'>[], fn: string, access: Access): boolean {
  return roles.some((r) => grantsAccess(r.grants, fn, access));
}

/** The combined grants of several roles, one entry per function at its highest level. */
export function combinedGrants(roles: readonly Pick<RoleLike, 'grants'>[]): FunctionGrant[] {
  const best = new Map<string, Access>();
  for (const role of roles) {
    for (const g of role.grants) {
      if (g.access === 'UPDATE' || !best.has(g.function)) best.set(g.function, g.access);
    }
  }
  return [...best.entries()].map(([fn, access]) => ({ function: fn, access }));
}

/**
 * R-ROLE-3: nobody grants a role they do not hold, except the authority.
 * Returns the requested role codes the actor may NOT grant (empty = all fine), in request order.
 *
 * "Hold" means: the actor holds that role, or the actor's roles together cover every grant of it
 * (function by function, UPDATE covering READ). So a Behörighetsadministratör (who "can do
 * everything the other roles can") may grant Tjänsteadministratör, Registrerare and Läsare, while a
 * Registrerare may not grant Tjänsteadministratör. A role code missing from `rolesByCode` is never
 * grantable (not even by the authority: it does not exist).
 */
export function canGrantRoles(
  actorRoleCodes: readonly string[],
  requestedRoleCodes: readonly string[],
  actorIsAuthority: boolean,
  rolesByCode: RolesByCode = catalogueRolesByCode,
): string[] {
  const held = new Set(actorRoleCodes);
  const actorRoles = actorRoleCodes.map((c) => rolesByCode.get(c)).filter((r): r is RoleLike => r !== undefined);
  const refused: string[] = [];
  for (const code of new Set(requestedRoleCodes)) {
    const role = rolesByCode.get(code);
    const ok =
      role !== undefined &&
      (actorIsAuthority || held.has(code) || role.grants.every((g) => holdsFunction(actorRoles, g.function, g.access)));
    if (!ok) refused.push(code);
  }
  return refused;
}
