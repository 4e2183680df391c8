import type { ContactPersonResolvers } from '../../../generated/resolvers-types';

// Parents reach this type only through Organisation fields or mutations that already asked the
// policy for CONTACT_PERSON access, so the fields themselves need no further check.
export const ContactPerson: ContactPersonResolvers = {
  organisation: async (c, _a, { stores }) => (await stores.organisations.byId.load(c.organisationId))!,
};
