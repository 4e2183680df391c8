import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { requireManageUsers } from '../../../policy/access.policy';
import { guard } from '../../../errors';

export const Organisation: OrganisationResolvers = {
  changesToSign: (org, _a, ctx) =>
    guard(async () => {
      await requireManageUsers(ctx, org.id, 'READ');
      return ctx.loaders.openChangeSetByOrganisation.load(org.id);
    }),
};
