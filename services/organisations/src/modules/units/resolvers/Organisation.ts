import type { OrganisationResolvers } from '../../../generated/resolvers-types';

export const Organisation: Pick<OrganisationResolvers, 'units'> = {
  // Part of the directory: whoever reached the organisation may list its units (R-AUTH-4).
  units: async (org, { serviceCode }, { stores }) => {
    const units = await stores.units.byOrganisation.load(org.id);
    return serviceCode ? units.filter((u) => u.serviceCode === serviceCode) : units;
  },
};
