import type { PaymentAccountResolvers } from '../../../generated/resolvers-types';

// Parents reach this type only through Organisation fields or mutations that already asked the
// policy for ACCOUNT_INFO access, so the fields themselves need no further check.
export const PaymentAccount: PaymentAccountResolvers = {
  organisation: async (a, _a, { stores }) => (await stores.organisations.byId.load(a.organisationId))!,
};
