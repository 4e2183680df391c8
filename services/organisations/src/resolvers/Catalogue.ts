import type { AddressResolvers, ServiceResolvers } from '../generated/resolvers-types';

export const Service: ServiceResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.service.load(ref.code),
};

export const Address: AddressResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.address.load(ref.id),
};
