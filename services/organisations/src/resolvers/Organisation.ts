import { requireActor } from '@behorig/kit';
import type { OrganisationResolvers } from '../generated/resolvers-types';
import type { Context } from '../context';
import type { OrganisationRow } from '../entities/organisation.entity';

/**
 * Basic fields (id, orgNumber, name, kind) are readable by anyone signed in: other subgraphs
 * show them next to memberships. Contact details, contact persons and payment accounts are the
 * organisation's own business: FORBIDDEN for other organisations, except the authority.
 */
const contactDetail = (field: 'postalAddress' | 'phone' | 'fax' | 'website') =>
  async (org: OrganisationRow, _a: unknown, { permissions }: Context) => {
    await permissions.require('CONTACT_PERSON', 'READ', org.id);
    return org[field] ?? null;
  };

export const Organisation: OrganisationResolvers = {
  // R-AUTH-4: as `organisation(id)`: anyone signed in; the guarded fields below check themselves.
  __resolveReference: (ref, { actor, loaders }) => (requireActor(actor), loaders.organisation.load(ref.id)),
  postalAddress: contactDetail('postalAddress'),
  phone: contactDetail('phone'),
  fax: contactDetail('fax'),
  website: contactDetail('website'),
  units: async (org, { serviceCode }, { loaders }) => {
    const units = await loaders.unitsByOrganisation.load(org.id);
    return serviceCode ? units.filter((u) => u.serviceCode === serviceCode) : units;
  },
  contactPersons: async (org, _a, { permissions, loaders }) => {
    await permissions.require('CONTACT_PERSON', 'READ', org.id);
    return loaders.contactPersonsByOrganisation.load(org.id);
  },
  paymentAccounts: async (org, _a, { permissions, loaders }) => {
    await permissions.require('ACCOUNT_INFO', 'READ', org.id);
    return loaders.paymentAccountsByOrganisation.load(org.id);
  },
};
