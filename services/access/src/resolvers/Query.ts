import { forbidden, isAuthority, requireActor } from '@behorig/kit';
import type { QueryResolvers } from '../generated/resolvers-types';
import { canSeePerson } from './visibility';

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
    if (!isAuthority(actor) && !(await canSeePerson(ctx, person.id))) throw forbidden('You may only see people in your own organisations.');
    return person;
  },
};
