import type { QueryResolvers } from '../../../generated/resolvers-types';
import { guard } from '../../../errors';
import { checkAccessIndexed, myAccessIndexed, permissionScopesIndexed, whoCanIndexed } from '../permission-index.service';

/** R-SCOPE-1…3, answered from the permission index (one statement each; permission-index.service.ts). */
export const Query: QueryResolvers = {
  permissionScopes: (_p, { personId, on }, ctx) => guard(() => permissionScopesIndexed(ctx, personId, on)),
  checkAccess: (_p, { personId, ...args }, ctx) => guard(() => checkAccessIndexed(ctx, personId, args)),
  myAccess: (_p, args, ctx) => guard(() => myAccessIndexed(ctx, args)),
  whoCan: (_p, args, ctx) => guard(() => whoCanIndexed(ctx, args)),
};
