import type { ApiClientResolvers } from '../../../generated/resolvers-types';

export const ApiClient: ApiClientResolvers = {
  organisation: (c) => ({ __typename: 'Organisation', id: c.organisationId }),
  revokedAt: (c) => c.revokedAt ?? null,
};
