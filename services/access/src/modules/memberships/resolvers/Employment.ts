import type { EmploymentResolvers } from '../../../generated/resolvers-types';

export const Employment: EmploymentResolvers = {
  unit: (u) => ({ __typename: 'Unit', id: u.unitId }),
  schoolFormCode: (u) => u.schoolFormCode ?? null,
  validTo: (u) => u.validTo ?? null,
  addressIds: (u) => (u.addressIds && u.addressIds.length > 0 ? u.addressIds : null),
};
