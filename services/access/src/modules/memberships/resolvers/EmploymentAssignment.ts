import type { EmploymentAssignmentResolvers } from '../../../generated/resolvers-types';

export const EmploymentAssignment: EmploymentAssignmentResolvers = {
  unit: (a) => ({ __typename: 'Unit', id: a.unitId }),
  schoolForm: (a) => (a.schoolFormCode ? { __typename: 'SchoolForm', code: a.schoolFormCode } : null),
  schoolFormCode: (a) => a.schoolFormCode,
  role: async (a, _x, { loaders }) => (await loaders.catalogue()).get(a.roleCode)!,
};
