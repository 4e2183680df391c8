import type { OrganisationResolvers } from '../../../generated/resolvers-types';

export const Organisation: Pick<OrganisationResolvers, 'contactPersons' | 'paymentAccounts'> = {
  contactPersons: async (org, _a, { policy, stores }) => {
    await policy.readContactDetails(org.id);
    return stores.contacts.contactPersonsByOrganisation.load(org.id);
  },
  paymentAccounts: async (org, _a, { policy, stores }) => {
    await policy.readPaymentAccounts(org.id);
    return stores.contacts.paymentAccountsByOrganisation.load(org.id);
  },
};
