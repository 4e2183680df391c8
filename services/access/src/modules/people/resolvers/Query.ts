import { forbidden } from '@behorig/kit/errors';
import { isAuthority, requireActor } from '@behorig/kit/auth';
import { parsePersonalNumber } from '@behorig/kit/identity';
import type { QueryResolvers } from '../../../generated/resolvers-types';
import { findPersonByHash } from '../people.store';
import { canSeePerson, mayFindByNumber, requireManageUsers } from '../../../policy/access.policy';
import { guard } from '../../../errors';

export const Query: QueryResolvers = {
  me: async (_p, _a, ctx) => {
    requireActor(ctx.actor);
    const viewer = await ctx.viewer();
    return viewer?.personId ? ctx.loaders.person.load(viewer.personId) : null;
  },
  person: async (_p, { id }, ctx) => {
    const actor = requireActor(ctx.actor);
    const person = await ctx.loaders.person.load(id);
    if (!person) return null;
    if (!isAuthority(actor) && !(await canSeePerson(ctx, person.id))) throw forbidden('You may only see people in your own organisations.', 'OTHER_ORGANISATION');
    return person;
  },
  /**
   * R-USR-1: look-up by number only for those who may manage users in the organisation (R-ROLE-3),
   * and R-USR-5: it finds only members of that organisation (src/policy/access.policy.ts).
   */
  personByNumber: (_p, { organisationId, personalNumber }, ctx) =>
    guard(async () => {
      await requireManageUsers(ctx, organisationId);
      const pnr = parsePersonalNumber(personalNumber, 'personalNumber', ctx.today);
      const person = await findPersonByHash(ctx.em, ctx.deps.vault.hash(pnr.canonical));
      return person && (await mayFindByNumber(ctx, person.id, organisationId)) ? person : null;
    }),
};
