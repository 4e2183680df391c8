import { DateScalar, DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Person, Membership, Employment, RoleAssignment } from './Person';
import { Role, PermissionScope, AccessDecision, EmploymentAssignment } from './Role';
import { Organisation, Agreement, ChangeSet, PendingChange } from './Organisation';
import * as reviews from '../modules/reviews/resolvers';
import * as notices from '../modules/notices/resolvers';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...reviews.Query },
  Mutation: { ...Mutation, ...reviews.Mutation },
  Person,
  Membership,
  Employment,
  RoleAssignment,
  Role,
  PermissionScope,
  AccessDecision,
  EmploymentAssignment,
  Organisation: { ...Organisation, ...reviews.Organisation, ...notices.Organisation },
  Agreement,
  ChangeSet,
  PendingChange,
  AccessReview: reviews.AccessReview,
  AccessReviewItem: reviews.AccessReviewItem,
  Notice: notices.Notice,
};
