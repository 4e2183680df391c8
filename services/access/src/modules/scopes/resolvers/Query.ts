import type { QueryResolvers } from '../../../generated/resolvers-types';
import { checkAccessFor, myAccess, permissionScopesOf } from '../scopes.service';
import { guard } from '../../../errors';

export const Query: QueryResolvers = {
  permissionScopes: (_p, { personId, on }, ctx) => guard(() => permissionScopesOf(ctx, personId, on)),
  checkAccess: (_p, { personId, ...args }, ctx) => guard(() => checkAccessFor(ctx, personId, args)),
  myAccess: (_p, args, ctx) => guard(() => myAccess(ctx, args)),
};
