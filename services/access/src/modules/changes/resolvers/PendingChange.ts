import type { PendingChangeResolvers } from '../../../generated/resolvers-types';

export const PendingChange: PendingChangeResolvers = {
  person: (c) => ({ personId: c.personId ?? null, givenName: c.givenName, surname: c.surname, birthDate: c.birthDate, email: c.email ?? null }),
  roles: async (c, _a, { loaders }) => {
    const catalogue = await loaders.catalogue();
    return c.roleCodes.map((code) => catalogue.get(code)!).filter(Boolean);
  },
  unitIds: (c) => c.unitIds,
  schoolFormCodes: (c) => c.schoolFormCodes ?? null,
  addressIds: (c) => {
    const ids = c.unitGrants.flatMap((u) => u.addressIds ?? []);
    return ids.length > 0 ? ids : null;
  },
  baseVersion: (c) => c.baseVersion ?? null,
};
