import type { EntityManager } from '@mikro-orm/postgresql';
import { defineTable, type Db } from '@behorig/kit/db';
import type { FunctionGrant, RoleLike } from './rules/role-catalogue.data';

/** The role catalogue is data, not code (R-ROLE-1); its grants form the role matrix (R-ROLE-2). */
export const ROLE = defineTable('access.role', ['code', 'name', 'system', 'org_wide_only', 'is_permission_admin', 'is_responsible', 'sort_order']);
export const ROLE_GRANT = defineTable('access.role_grant', ['role_code', 'function', 'access']);

export interface RoleRow {
  code: string;
  name: string;
  system: string;
  orgWideOnly: boolean;
  isPermissionAdmin: boolean;
  isResponsible: boolean;
  sortOrder: number;
}

/** A catalogue role as the rules want it: the row plus its grants (the matrix row). */
export type CatalogueRole = RoleRow & RoleLike;

interface RoleRecord { code: string; name: string; system: string; org_wide_only: boolean; is_permission_admin: boolean; is_responsible: boolean; sort_order: number }
interface RoleGrantRecord { role_code: string; function: string; access: FunctionGrant['access'] }

/**
 * The whole role catalogue in catalogue order (two statements). Plain SQL: hydrating ~130 role and
 * grant entities per request was the access service's largest ORM cost in the bench's CPU profile
 * (bench/results/hot-paths.md).
 */
export async function loadCatalogue(db: Db): Promise<Map<string, CatalogueRole>> {
  const [roles, grants] = await Promise.all([
    db.execute<RoleRecord[]>(`SELECT ${ROLE.list()} FROM access.role ORDER BY sort_order, code`),
    db.execute<RoleGrantRecord[]>(`SELECT ${ROLE_GRANT.list()} FROM access.role_grant`),
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
 * The catalogue cached per process (per ORM instance, keyed by its configuration object): it
 * changes only by migration, and migrations run before a process serves. A failed read is not kept.
 * R-SCOPE-1: permissionScopes is then one statement.
 */
const catalogues = new WeakMap<object, Promise<Map<string, CatalogueRole>>>();
export function processCatalogue(db: EntityManager): Promise<Map<string, CatalogueRole>> {
  let found = catalogues.get(db.config);
  if (!found) {
    found = loadCatalogue(db.fork());
    catalogues.set(db.config, found);
    found.catch(() => catalogues.delete(db.config));
  }
  return found;
}

/** Drops the cached catalogue (after a change of roles or grants in a running process, e.g. a test). */
export function invalidateCatalogue(db: EntityManager): void {
  catalogues.delete(db.config);
}

/** The catalogue, read once per process (see processCatalogue). */
export function createRoleLoaders(db: EntityManager) {
  return { catalogue: () => processCatalogue(db) };
}
