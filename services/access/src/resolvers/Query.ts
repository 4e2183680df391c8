import { forbidden, isAuthority, parsePersonalNumber, requireActor } from '@behorig/kit';
import type { QueryResolvers } from '../generated/resolvers-types';
import { PersonEntity } from '../entities/person.entity';
import { canSeePerson } from './visibility';
import { requireManageUsers } from '../access-data';
import { endEmploymentPreview } from '../staff-admin';
import { guard } from '../errors';

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
   * and R-USR-5: it finds only members of that organisation — no oracle for people elsewhere. The
   * authority finds everyone.
   */
  personByNumber: (_p, { organisationId, personalNumber }, ctx) =>
    guard(async () => {
      await requireManageUsers(ctx, organisationId);
      const pnr = parsePersonalNumber(personalNumber, 'personalNumber', ctx.today);
      const person = await ctx.em.findOne(PersonEntity, { personalNumberHash: ctx.deps.vault.hash(pnr.canonical) });
      if (!person || isAuthority(ctx.actor)) return person;
      const memberships = await ctx.loaders.membershipsByPerson.load(person.id);
      return memberships.some((m) => m.organisationId === organisationId) ? person : null;
    }),
  roles: async (_p, { system }, ctx) => {
    requireActor(ctx.actor);
    const all = [...(await ctx.loaders.catalogue()).values()];
    return system ? all.filter((r) => r.system === system) : all;
  },
  endEmploymentPreview: (_p, { input }, ctx) => guard(() => endEmploymentPreview(ctx, input)),
};
