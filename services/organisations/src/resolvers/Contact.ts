import type { ContactPersonResolvers, PaymentAccountResolvers } from '../generated/resolvers-types';

// Parents reach these types only through Organisation fields or mutations that already checked
// CONTACT_PERSON / ACCOUNT_INFO access, so the fields themselves need no further check.
export const ContactPerson: ContactPersonResolvers = {
  organisation: async (c, _a, { loaders }) => (await loaders.organisation.load(c.organisationId))!,
};

export const PaymentAccount: PaymentAccountResolvers = {
  organisation: async (a, _a, { loaders }) => (await loaders.organisation.load(a.organisationId))!,
};
