import { forbidden, isAuthority, requireActor } from '@behorig/kit';
import type { Context } from './context';
import { checkAccess, computePermissionScopes, holdsFunction, isActiveOn, type Access, type AccessDecision, type PermissionScope } from './domain';
import { personDomainMemberships } from './access-data';
import type { CatalogueRole } from './loaders';

/**
 * R-SCOPE-1 and R-SCOPE-2 over stored data. A person may read their own scopes; holders of
 * MANAGE_USERS (READ) those of their organisation's staff (in that organisation); the authority
 * anyone's. All reads go through the DataLoaders: a constant number of statements per request.
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

async function isSelf(ctx: Context, personId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  return viewer?.personId === personId;
}

export async function permissionScopesOf(ctx: Context, personId: string, on: string | null | undefined): Promise<PermissionScope[]> {
  requireActor(ctx.actor);
  const day = on ?? ctx.today;
  const [memberships, catalogue, self, administered] = await Promise.all([
    personDomainMemberships(ctx, personId, day), ctx.loaders.catalogue(), isSelf(ctx, personId), organisationsViewerAdministers(ctx),
  ]);
  const scopes = computePermissionScopes(memberships, catalogue, day);
  if (self || administered === 'ALL') return scopes;
  if (!memberships.some((m) => administered.has(m.organisationId))) throw forbidden('You may only see the permissions of staff in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
  return scopes.filter((s) => administered.has(s.organisationId));
}

export interface CheckArgs { organisationId: string; unitId?: string | null; addressId?: string | null; function: string; access: Access; on?: string | null }

/** R-SCOPE-2 for a person, naming the organisation in the reason when the organisations service knows it. */
export async function decide(ctx: Context, personId: string, args: CheckArgs): Promise<AccessDecision> {
  const day = args.on ?? ctx.today;
  const [memberships, catalogue, names, owners] = await Promise.all([
    personDomainMemberships(ctx, personId, day),
    ctx.loaders.catalogue(),
    ctx.deps.references.organisationNames([args.organisationId], ctx.authorization).catch(() => new Map<string, string>()),
    args.unitId ? ctx.deps.references.unitOwners([args.unitId], ctx.authorization) : Promise.resolve(new Map<string, string>()),
  ]);
  const organisationName = names.get(args.organisationId) ?? args.organisationId;
  if (args.unitId && owners.get(args.unitId) !== args.organisationId) {
    return { allowed: false, reason: `unit ${args.unitId} is not a unit of ${organisationName}`, roleCode: null, validTo: null };
  }
  let unitId = args.unitId ?? null;
  if (args.addressId) {
    // R-USR-2 level two: an office counts only while it is an office of a unit of the organisation
    // (asked of the organisations subgraph now, so an office removed from its unit grants nothing).
    const owner = (await ctx.organisationUnits.load(args.organisationId)).find((u) => u.addressIds.includes(args.addressId as string));
    if (!owner) return { allowed: false, reason: `office ${args.addressId} is not an office of ${organisationName}`, roleCode: null, validTo: null };
    if (unitId && owner.id !== unitId) return { allowed: false, reason: `office ${args.addressId} is not an office of unit ${unitId}`, roleCode: null, validTo: null };
    unitId = owner.id;
  }
  return checkAccess({ memberships, rolesByCode: catalogue, organisationId: args.organisationId, organisationName, unitId, addressId: args.addressId ?? null, function: args.function, access: args.access, on: day });
}

/** checkAccess(personId, …): the person themselves, administrators of that organisation, the authority. */
export async function checkAccessFor(ctx: Context, personId: string, args: CheckArgs): Promise<AccessDecision> {
  requireActor(ctx.actor);
  const administered = await organisationsViewerAdministers(ctx);
  if (!(await isSelf(ctx, personId)) && administered !== 'ALL' && !administered.has(args.organisationId)) {
    throw forbidden('You may only check the access of staff in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
  }
  return decide(ctx, personId, args);
}

/** myAccess: the caller's own decision; other services ask this with the caller's token (ACCESS_URL). */
export async function myAccess(ctx: Context, args: CheckArgs): Promise<AccessDecision> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return { allowed: true, reason: 'authority', roleCode: null, validTo: null };
  if (actor.kind === 'client') {
    const allowed = actor.organisationId === args.organisationId && actor.functions.includes(args.function);
    return {
      allowed,
      reason: allowed ? `${args.function} granted to partner client ${actor.clientId} by its credentials` : actor.organisationId !== args.organisationId ? `partner client ${actor.clientId} belongs to another organisation` : `partner client ${actor.clientId} has no ${args.function}`,
      roleCode: null,
      validTo: null,
    };
  }
  if (actor.kind === 'service') return { allowed: false, reason: 'services act for no organisation', roleCode: null, validTo: null };
  const viewer = await ctx.viewer();
  if (!viewer?.personId) return { allowed: false, reason: 'no membership in that organisation', roleCode: null, validTo: null };
  return decide(ctx, viewer.personId, args);
}
