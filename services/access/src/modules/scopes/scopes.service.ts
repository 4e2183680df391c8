import { requireActor, isAuthority } from '@behorig/kit/auth';
import type { Context } from '../../context';
import type { Access } from '../roles/rules/role-catalogue.data';
import { checkAccess, computePermissionScopes, type AccessDecision, type PermissionScope } from './rules/membership.rules';
import { personDomainMemberships } from '../memberships/memberships.service';
import { requireMayCheckAccessOf, requireScopesReadable, scopeAudience } from '../../policy/access.policy';

/**
 * R-SCOPE-1 and R-SCOPE-2 over stored data; who may ask about whom is decided in
 * src/policy/access.policy.ts. All reads go through the DataLoaders: a constant number of
 * statements per request.
 */

export async function permissionScopesOf(ctx: Context, personId: string, on: string | null | undefined): Promise<PermissionScope[]> {
  requireActor(ctx.actor);
  const day = on ?? ctx.today;
  const [memberships, catalogue, audience] = await Promise.all([personDomainMemberships(ctx.loaders, personId, day), ctx.loaders.catalogue(), scopeAudience(ctx, personId)]);
  requireScopesReadable(audience, memberships);
  const scopes = computePermissionScopes(memberships, catalogue, day);
  return audience === 'ALL' ? scopes : scopes.filter((s) => audience.has(s.organisationId));
}

export interface CheckArgs { organisationId: string; unitId?: string | null; addressId?: string | null; function: string; access: Access; on?: string | null }

/** R-SCOPE-2 for a person, naming the organisation in the reason when the organisations service knows it. */
export async function decide(ctx: Context, personId: string, args: CheckArgs): Promise<AccessDecision> {
  const day = args.on ?? ctx.today;
  const [memberships, catalogue, names, owners] = await Promise.all([
    personDomainMemberships(ctx.loaders, personId, day),
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
  await requireMayCheckAccessOf(ctx, personId, args.organisationId);
  return decide(ctx, personId, args);
}

/**
 * myAccess: the caller's own decision; other services ask this with the caller's token
 * (ACCESS_URL). The authority may everything; a partner client what its credentials grant in its
 * own organisation (R-AUTH-3); a service acts for no organisation.
 */
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
