import { DateScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Person, Membership, RoleAssignment } from './Person';

export const resolvers: Resolvers = { Date: DateScalar, Query, Person, Membership, RoleAssignment };
