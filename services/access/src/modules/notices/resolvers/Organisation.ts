import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { organisationNotices } from '../notices.service';

export const Organisation: Pick<OrganisationResolvers, 'notices'> = {
  notices: (org, { endingWithinDays }, ctx) => guard(() => organisationNotices(ctx, org.id, endingWithinDays)),
};
