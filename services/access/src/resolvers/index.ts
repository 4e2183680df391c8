import { DateScalar, DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Person, Membership, Employment, RoleAssignment } from './Person';
import { Role, PermissionScope, EmploymentAssignment } from './Role';
import { PermissionIndexQuery } from '../modules/permission-index/resolvers/Query';
import { AccessDecision } from '../modules/permission-index/resolvers/AccessDecision';
import { Organisation, Agreement, ChangeSet, PendingChange } from './Organisation';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...PermissionIndexQuery },
  Mutation,
  Person,
  Membership,
  Employment,
  RoleAssignment,
  Role,
  PermissionScope,
  AccessDecision,
  EmploymentAssignment,
  Organisation,
  Agreement,
  ChangeSet,
  PendingChange,
};
