import type { MutationResolvers } from '../../../generated/resolvers-types';
import { registerApiClient, revokeApiClient } from '../partners.service';

export const Mutation: MutationResolvers = {
  registerApiClient: (_p, { organisationId, name, functions }, ctx) => registerApiClient(ctx, organisationId, name, functions),
  revokeApiClient: (_p, { clientId }, ctx) => revokeApiClient(ctx, clientId),
};
