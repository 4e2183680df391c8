import { DateScalar, DateTimeScalar } from '@behorig/kit/server';
import type { Resolvers } from './generated/resolvers-types';
import * as people from './modules/people/resolvers/Person';
import * as peopleQuery from './modules/people/resolvers/Query';
import * as membership from './modules/memberships/resolvers/Membership';
import * as employment from './modules/memberships/resolvers/Employment';
import * as employmentAssignment from './modules/memberships/resolvers/EmploymentAssignment';
import * as roleAssignment from './modules/memberships/resolvers/RoleAssignment';
import * as membershipsOrganisation from './modules/memberships/resolvers/Organisation';
import * as membershipsQuery from './modules/memberships/resolvers/Query';
import * as membershipsMutation from './modules/memberships/resolvers/Mutation';
import * as role from './modules/roles/resolvers/Role';
import * as rolesQuery from './modules/roles/resolvers/Query';
import * as permissionScope from './modules/scopes/resolvers/PermissionScope';
import * as accessDecision from './modules/permission-index/resolvers/AccessDecision';
import * as permissionIndexQuery from './modules/permission-index/resolvers/Query';
import * as agreement from './modules/agreements/resolvers/Agreement';
import * as agreementsOrganisation from './modules/agreements/resolvers/Organisation';
import * as agreementsMutation from './modules/agreements/resolvers/Mutation';
import * as changeSet from './modules/changes/resolvers/ChangeSet';
import * as pendingChange from './modules/changes/resolvers/PendingChange';
import * as changesOrganisation from './modules/changes/resolvers/Organisation';
import * as changesMutation from './modules/changes/resolvers/Mutation';
import * as reviews from './modules/reviews/resolvers';
import * as notices from './modules/notices/resolvers';

/**
 * Every module contributes the fields of the types it owns (`modules/<feature>/resolvers/<Type>.ts`);
 * a type extended by several modules (Query, Mutation, Organisation) gets the union of their fields.
 * Two modules defining the same field is a programming error and stops the start.
 */
function merge(parts: Record<string, object>[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      const into = (out[type] ??= {});
      for (const [name, fn] of Object.entries(fields)) {
        if (name in into) throw new Error(`Two modules resolve ${type}.${name}.`);
        into[name] = fn;
      }
    }
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  ...merge([
    people, peopleQuery,
    membership, employment, employmentAssignment, roleAssignment, membershipsOrganisation, membershipsQuery, membershipsMutation,
    role, rolesQuery,
    permissionScope, accessDecision, permissionIndexQuery,
    agreement, agreementsOrganisation, agreementsMutation,
    changeSet, pendingChange, changesOrganisation, changesMutation,
    reviews, notices,
  ]),
};
