import { forbidden, isAuthority, requireActor } from '@behorig/kit';
import type { Context } from './context';
import type { MembershipRow, MembershipUnitRow, RoleAssignmentRow } from './entities/membership.entity';
import { holdsFunction, isActiveOn, type Access, type Membership as DomainMembership, type MembershipUnit } from './domain';
import type { CatalogueRole } from './loaders';

/**
 * Reads the stored three-level memberships into the domain's shape. Everything goes through the
 * per-request DataLoaders, so asking for many people or organisations costs one statement per level.
 */

/** A unit row counts on `on` unless its employment there ended before (R-END-1: end date inclusive). */
export const unitActiveOn = (u: Pick<MembershipUnitRow, 'validTo'>, on: string) => !u.validTo || u.validTo >= on;

/** Entity rows type nullable columns as `T | null | undefined`; the rules want `T | null`. */
export const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

/** Level-2 rows of one membership as the domain's units (one entry per unit; null school forms = all). */
export function domainUnits(rows: readonly MembershipUnitRow[], on: string): MembershipUnit[] {
  const byUnit = new Map<string, string[] | null>();
  const offices = new Map<string, string[] | null>();
  for (const r of rows) {
    if (!unitActiveOn(r, on)) continue;
    const prev = byUnit.get(r.unitId);
    if (!r.schoolFormCode || prev === null) byUnit.set(r.unitId, null);
    else byUnit.set(r.unitId, [...(prev ?? []), r.schoolFormCode]);
    // R-USR-2 level two: the rows of one unit carry the same offices (null = all of them).
    offices.set(r.unitId, r.addressIds && r.addressIds.length > 0 ? [...r.addressIds] : null);
  }
  return [...byUnit].map(([unitId, schoolFormCodes]) => {
    const addressIds = offices.get(unitId);
    return addressIds ? { unitId, schoolFormCodes, addressIds } : { unitId, schoolFormCodes };
  });
}

export function toDomainMembership(m: MembershipRow, units: readonly MembershipUnitRow[], roles: readonly RoleAssignmentRow[], on: string): DomainMembership {
  return {
    organisationId: m.organisationId,
    units: domainUnits(units, on),
    roles: roles.map((r) => ({ id: r.id, roleCode: r.roleCode, validFrom: r.validFrom, validTo: orNull(r.validTo) })),
  };
}

/** Loads memberships' units and roles in two batched statements. */
export async function loadDomainMemberships(ctx: Context, memberships: readonly MembershipRow[], on: string): Promise<DomainMembership[]> {
  const ids = memberships.map((m) => m.id);
  const [units, roles] = await Promise.all([ctx.loaders.unitsByMembership.loadMany(ids), ctx.loaders.rolesByMembership.loadMany(ids)]);
  return memberships.map((m, i) => toDomainMembership(m, units[i] as MembershipUnitRow[], roles[i] as RoleAssignmentRow[], on));
}

export async function personDomainMemberships(ctx: Context, personId: string, on: string): Promise<DomainMembership[]> {
  return loadDomainMemberships(ctx, await ctx.loaders.membershipsByPerson.load(personId), on);
}

/** What the caller may do in one organisation today. */
export interface ActorPower {
  authority: boolean;
  client: boolean;
  personId: string | null;
  /** The caller's role assignments active today in the organisation (empty for the authority and clients). */
  roles: CatalogueRole[];
  /** The caller's own membership there (level 1 to 3), when a member. */
  membership: DomainMembership | null;
}

export async function actorPower(ctx: Context, organisationId: string): Promise<ActorPower> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return { authority: true, client: false, personId: null, roles: [], membership: null };
  if (actor.kind === 'client') return { authority: false, client: true, personId: null, roles: [], membership: null };
  const viewer = await ctx.viewer();
  if (!viewer?.personId || !viewer.organisationIds.has(organisationId)) return { authority: false, client: false, personId: viewer?.personId ?? null, roles: [], membership: null };
  const memberships = (await ctx.loaders.membershipsByPerson.load(viewer.personId)).filter((m) => m.organisationId === organisationId);
  const [domain] = await loadDomainMemberships(ctx, memberships, ctx.today);
  const catalogue = await ctx.loaders.catalogue();
  const roles = domain.roles.filter((r) => isActiveOn(r, ctx.today)).map((r) => catalogue.get(r.roleCode)).filter((r): r is CatalogueRole => r !== undefined);
  return { authority: false, client: false, personId: viewer.personId, roles, membership: domain };
}

/** Does the caller hold `fn` at `access` in the organisation today? (The authority always; a client by its token.) */
export function powerHolds(ctx: Context, power: ActorPower, organisationId: string, fn: string, access: Access): boolean {
  if (power.authority) return true;
  const actor = ctx.actor;
  if (actor?.kind === 'client') return actor.organisationId === organisationId && actor.functions.includes(fn);
  return holdsFunction(power.roles, fn, access);
}

/**
 * R-ROLE-3: only holders of "Hantera användare" (MANAGE_USERS) in the organisation manage its
 * users; the authority may everywhere. Throws FORBIDDEN otherwise.
 */
export async function requireManageUsers(ctx: Context, organisationId: string, access: Access = 'UPDATE'): Promise<ActorPower> {
  const power = await actorPower(ctx, organisationId);
  if (!powerHolds(ctx, power, organisationId, 'MANAGE_USERS', access)) {
    throw forbidden(`You need the permission "Hantera användare" (MANAGE_USERS ${access}) in this organisation (R-ROLE-3).`, 'MANAGE_USERS_REQUIRED');
  }
  return power;
}

/** The permission administrators' periods in an organisation (R-AGR-3), read inside the caller's transaction. */
export async function administratorPeriods(em: Context['em'], organisationId: string): Promise<{ personId: string; validFrom: string; validTo: string | null }[]> {
  const rows: { person_id: string; valid_from: string | Date; valid_to: string | Date | null }[] = await em.execute(
    `SELECT m.person_id, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
       FROM access.role_assignment ra
       JOIN access.membership m ON m.id = ra.membership_id
       JOIN access.role r ON r.code = ra.role_code
      WHERE m.organisation_id = ? AND r.is_permission_admin`,
    [organisationId],
  );
  return rows.map((r) => ({ personId: r.person_id, validFrom: String(r.valid_from), validTo: r.valid_to === null ? null : String(r.valid_to) }));
}

/**
 * R-AGR-3 under concurrency: every write that can change an organisation's administrators takes
 * this transaction-scoped lock first and only then reads the administrators, so two administrators
 * removing each other at the same moment are serialised and the second sees the first's change.
 * (An advisory lock on the organisation id behaves like a per-organisation lock row without
 * needing one for organisations that have no agreement yet.)
 */
export async function lockOrganisation(em: Context['em'], organisationId: string): Promise<void> {
  await em.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 4002))`, [`access:organisation:${organisationId}`]);
}

/** A list of uuids as a PostgreSQL array literal for `?::uuid[]` (null stays null = all offices, R-USR-2). */
export function pgUuidArray(ids: readonly string[] | null | undefined): string | null {
  return ids && ids.length > 0 ? `{${ids.join(',')}}` : null;
}
