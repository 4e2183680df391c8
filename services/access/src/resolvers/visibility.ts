import { isAuthority } from '@behorig/kit';
import type { Context } from '../context';
import type { MembershipRow } from '../entities/membership.entity';

/** A person is visible to themselves, to the authority, and to members of an organisation they share. */
export async function canSeePerson(ctx: Context, personId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  if (!viewer) return false;
  if (isAuthority(viewer.actor) || viewer.personId === personId) return true;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => viewer.organisationIds.has(m.organisationId));
}

/** Memberships the viewer may see: all of their own (or the authority's view), else those in shared organisations. */
export async function visibleMemberships(ctx: Context, personId: string): Promise<MembershipRow[]> {
  const [viewer, memberships] = await Promise.all([ctx.viewer(), ctx.loaders.membershipsByPerson.load(personId)]);
  if (!viewer) return [];
  if (isAuthority(viewer.actor) || viewer.personId === personId) return memberships;
  return memberships.filter((m) => viewer.organisationIds.has(m.organisationId));
}
