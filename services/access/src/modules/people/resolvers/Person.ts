import { isUuid } from '@behorig/kit/errors';
import { requireActor } from '@behorig/kit/auth';
import type { PersonResolvers } from '../../../generated/resolvers-types';
import { permissionScopesIndexed } from '../../permission-index/permission-index.service';
import { guard } from '../../../errors';
import { canSeePerson, personalNumberFor, visibleMemberships } from '../../../policy/access.policy';

export const Person: PersonResolvers = {
  /**
   * R-AUTH-4: a reference answers exactly as `person(id)` does. An invisible person resolves to
   * null (nothing of them leaves), so a nullable reference such as an audit event's actor shows
   * nobody instead of failing the whole list.
   */
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    if (!isUuid(ref.id)) return null;
    return (await canSeePerson(ctx, ref.id)) ? ctx.loaders.person.load(ref.id) : null;
  },
  personalNumber: (person, _a, ctx) => personalNumberFor(ctx, person),
  /** R-USR-5: the e-mail of the membership the viewer sees (their own organisation's first). */
  email: async (person, _a, ctx) => (await visibleMemberships(ctx, person.id)).find((m) => m.email)?.email ?? null,
  memberships: (person, _a, ctx) => visibleMemberships(ctx, person.id),
  permissionScopes: (person, { on }, ctx) => guard(() => permissionScopesIndexed(ctx, person.id, on)),
};
