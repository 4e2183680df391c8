import type { QueryResolvers } from '../../../generated/resolvers-types';
import { endEmploymentPreview } from '../staff-admin.service';
import { guard } from '../../../errors';

export const Query: QueryResolvers = {
  endEmploymentPreview: (_p, { input }, ctx) => guard(() => endEmploymentPreview(ctx, input)),
};
