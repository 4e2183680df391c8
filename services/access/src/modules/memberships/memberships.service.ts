import type { Loaders } from '../../context';
import type { Membership as DomainMembership } from '../scopes/rules/membership.rules';
import type { MembershipRow } from './memberships.store';
import { toDomainMembership } from './rules/membership-levels.rules';

/**
 * Reads stored three-level memberships into the domain's shape. Everything goes through the
 * request's DataLoaders, so asking for many people or organisations costs one statement per level.
 */

/** Loads memberships' units and roles in two batched statements. */
export async function loadDomainMemberships(loaders: Loaders, memberships: readonly MembershipRow[], on: string): Promise<DomainMembership[]> {
  const ids = memberships.map((m) => m.id);
  const [units, roles] = await Promise.all([loaders.unitsByMembership.loadMany(ids), loaders.rolesByMembership.loadMany(ids)]);
  return memberships.map((m, i) => toDomainMembership(m.organisationId, units[i] as Exclude<(typeof units)[number], Error>, roles[i] as Exclude<(typeof roles)[number], Error>, on));
}

export async function personDomainMemberships(loaders: Loaders, personId: string, on: string): Promise<DomainMembership[]> {
  return loadDomainMemberships(loaders, await loaders.membershipsByPerson.load(personId), on);
}
