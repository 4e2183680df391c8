import type { OrganisationResolvers } from '../generated/resolvers-types';

export const Organisation: OrganisationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organisation.load(ref.id),
  units: async (org, { serviceCode }, { loaders }) => {
    const units = await loaders.unitsByOrganisation.load(org.id);
    return serviceCode ? units.filter((u) => u.serviceCode === serviceCode) : units;
  },
};
