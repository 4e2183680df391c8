import { requireActor } from '@behorig/kit';
import type { AddressResolvers, SchoolFormResolvers, ServiceResolvers } from '../generated/resolvers-types';

// R-AUTH-4: references ask what the root fields ask: the catalogue and addresses need a signed-in caller.
export const Service: ServiceResolvers = {
  __resolveReference: (ref, { actor, loaders }) => (requireActor(actor), loaders.service.load(ref.code)),
};

export const Address: AddressResolvers = {
  __resolveReference: (ref, { actor, loaders }) => (requireActor(actor), loaders.address.load(ref.id)),
};

export const SchoolForm: SchoolFormResolvers = {
  __resolveReference: (ref, { actor, loaders }) => (requireActor(actor), loaders.schoolForm.load(ref.code)),
};
