import type { NoticeResolvers } from '../../../generated/resolvers-types';

export const Notice: NoticeResolvers = {
  organisation: (n) => ({ __typename: 'Organisation', id: n.organisationId }),
  person: async (n, _a, ctx) => (n.personId ? ((await ctx.loaders.person.load(n.personId)) ?? null) : null),
};
