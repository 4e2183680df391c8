import type { AccessReviewItemResolvers } from '../../../generated/resolvers-types';

/** An item shows the assignment as it was snapshotted when the review started (R-REV-1). */
export const AccessReviewItem: AccessReviewItemResolvers = {
  person: async (i, _a, ctx) => (await ctx.loaders.person.load(i.personId))!,
  assignment: (i) => ({ id: i.assignmentId, membershipId: i.membershipId, roleCode: i.roleCode, validFrom: i.validFrom, validTo: i.validTo }),
};
