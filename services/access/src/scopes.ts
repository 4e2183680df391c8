import { isAuthority, requireActor } from '@behorig/kit';
import type { Context } from './context';
import { holdsFunction, isActiveOn, type Access } from './domain';
import { personDomainMemberships } from './access-data';
import type { CatalogueRole } from './loaders';

/**
 * Who administers which organisations, for the visibility of people and lists. The permission
 * questions themselves (R-SCOPE-1…3) are answered from the permission index
 * (modules/permission-index/).
 */

const administered = new WeakMap<Context, Map<Access, Promise<Set<string> | 'ALL'>>>();

/**
 * The organisations in which the caller holds MANAGE_USERS at `access` today (READ: may read other
 * people's permissions; UPDATE: may manage them and see their personal numbers), or 'ALL'.
 * Computed once per request and access level, however many people a list asks about.
 */
export function organisationsViewerAdministers(ctx: Context, access: Access = 'READ'): Promise<Set<string> | 'ALL'> {
  let memo = administered.get(ctx);
  if (!memo) administered.set(ctx, (memo = new Map()));
  let found = memo.get(access);
  if (!found) memo.set(access, (found = computeAdministered(ctx, access)));
  return found;
}

async function computeAdministered(ctx: Context, access: Access): Promise<Set<string> | 'ALL'> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return 'ALL';
  if (actor.kind === 'client') return new Set(actor.functions.includes('MANAGE_USERS') ? [actor.organisationId] : []);
  const viewer = await ctx.viewer();
  if (!viewer?.personId) return new Set();
  const [mine, catalogue] = await Promise.all([personDomainMemberships(ctx, viewer.personId, ctx.today), ctx.loaders.catalogue()]);
  const result = new Set<string>();
  for (const m of mine) {
    const roles = m.roles.filter((r) => isActiveOn(r, ctx.today)).map((r) => catalogue.get(r.roleCode)).filter((r): r is CatalogueRole => !!r);
    if (holdsFunction(roles, 'MANAGE_USERS', access)) result.add(m.organisationId);
  }
  return result;
}
