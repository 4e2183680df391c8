import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import { staffOf } from '../staff-admin.service';
import { guard } from '../../../errors';

export const Organisation: OrganisationResolvers = {
  /** Organisations belong to the organisations subgraph; access only adds fields to them. */
  __resolveReference: (ref) => ({ id: ref.id }),
  /** The staff list (R-USR-1: birth dates, never personal numbers), searched, filtered and sorted by the server; MANAGE_USERS READ. */
  staff: (org, args, ctx) => guard(() => staffOf(ctx, org.id, args)),
};
