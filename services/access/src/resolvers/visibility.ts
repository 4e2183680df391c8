import { isAuthority } from '@behorig/kit';
import type { Context } from '../context';
import type { MembershipRow } from '../entities/membership.entity';

/**
 * The one read policy for people (R-AUTH-4: the `person` root field, nested fields and the
 * `Person` entity reference all ask this). A person is visible to themselves, to the authority,
 * to people with a role active today in an organisation the person belongs to (finding 6: an
 * ended membership sees nobody), and to a partner client only with MANAGE_USERS in its one
 * organisation (R-AUTH-3: a client reads exactly what its functions allow).
 */
export async function canSeePerson(ctx: Context, personId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  if (!viewer) return false;
  if (isAuthority(viewer.actor) || viewer.personId === personId) return true;
  const orgs = visibleOrganisations(viewer);
  if (orgs.size === 0) return false;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => orgs.has(m.organisationId));
}

/** Organisations whose members the viewer may read. */
function visibleOrganisations(viewer: NonNullable<Awaited<ReturnType<Context['viewer']>>>): Set<string> {
  if (viewer.actor.kind === 'client') return viewer.actor.functions.includes('MANAGE_USERS') ? viewer.organisationIds : new Set();
  if (viewer.actor.kind === 'service') return new Set();
  return viewer.organisationIds;
}

/** Memberships the viewer may see: all of their own (or the authority's view), else those in shared organisations. */
export async function visibleMemberships(ctx: Context, personId: string): Promise<MembershipRow[]> {
  const [viewer, memberships] = await Promise.all([ctx.viewer(), ctx.loaders.membershipsByPerson.load(personId)]);
  if (!viewer) return [];
  if (isAuthority(viewer.actor) || viewer.personId === personId) return memberships;
  const orgs = visibleOrganisations(viewer);
  return memberships.filter((m) => orgs.has(m.organisationId));
}

/**
 * R-AGR-1 (one policy for `Organisation.agreement` and the `Agreement` reference): the authority,
 * people with a role active today in the organisation, and its partner clients holding
 * MANAGE_USERS (an agreement names the starting administrator: people data, R-AUTH-3).
 */
export async function maySeeAgreementOf(ctx: Context, organisationId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  if (!viewer) return false;
  return isAuthority(viewer.actor) || visibleOrganisations(viewer).has(organisationId);
}
