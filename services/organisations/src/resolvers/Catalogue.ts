import type { AddressResolvers, SchoolFormResolvers, ServiceResolvers } from '../generated/resolvers-types';

export const Service: ServiceResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.service.load(ref.code),
};

export const Address: AddressResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.address.load(ref.id),
};

export const SchoolForm: SchoolFormResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.schoolForm.load(ref.code),
};
