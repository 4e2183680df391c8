import type { OrganisationResolvers } from '../../../generated/resolvers-types';
import type { Context } from '../../../context';
import type { OrganisationRow } from '../organisations.store';

/** Contact details are the organisation's own business: the policy decides (CONTACT_PERSON READ). */
const contactDetail = (field: 'postalAddress' | 'phone' | 'fax' | 'website') =>
  async (org: OrganisationRow, _a: unknown, { policy }: Context) => {
    await policy.readContactDetails(org.id);
    return org[field] ?? null;
  };

export const Organisation: Pick<OrganisationResolvers, '__resolveReference' | 'postalAddress' | 'phone' | 'fax' | 'website'> = {
  // R-AUTH-4: as `organisation(id)`: anyone signed in; the guarded fields check themselves.
  __resolveReference: (ref, { policy, stores }) => (policy.readDirectory(), stores.organisations.byId.load(ref.id)),
  postalAddress: contactDetail('postalAddress'),
  phone: contactDetail('phone'),
  fax: contactDetail('fax'),
  website: contactDetail('website'),
};
