import type { Access, FunctionGrant, RoleLike } from './role-catalogue.data';

/**
 * Access levels (R-ROLE-2, R-USR-4). Pure functions. Who may grant what is R-ROLE-3: whoever holds
 * MANAGE_USERS UPDATE in the organisation (or the authority) may give any catalogue role, so there is
 * no per-role check beyond the organisation boundary, R-USR-3, R-PERIOD-2/3 and R-AGR-3.
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
