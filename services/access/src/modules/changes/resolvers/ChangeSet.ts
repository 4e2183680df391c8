import type { ChangeSetResolvers } from '../../../generated/resolvers-types';
import { actorPower, maySign, requireManageUsers } from '../../../policy/access.policy';
import { openChanges } from '../changes.service';
import { digestOf, signingTextOf } from '../rules/pending-change.rules';
import { guard } from '../../../errors';

export const ChangeSet: ChangeSetResolvers = {
  __resolveReference: async (ref, ctx) => {
    const row = await ctx.loaders.changeSet.load(ref.id);
    if (!row) return null;
    await guard(() => requireManageUsers(ctx, row.organisationId, 'READ'));
    return row;
  },
  organisation: (s) => ({ __typename: 'Organisation', id: s.organisationId }),
  changes: (s, _a, { loaders }) => loaders.changesBySet.load(s.id),
  digest: async (s, _a, { loaders, deps }) => digestOf(s, openChanges(deps.vault, await loaders.changesBySet.load(s.id))),
  signingText: async (s, _a, { loaders, deps }) => signingTextOf(openChanges(deps.vault, await loaders.changesBySet.load(s.id)), await loaders.catalogue()),
  canSign: async (s, _a, ctx) => maySign(await actorPower(ctx, s.organisationId)),
};
