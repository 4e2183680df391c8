import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL. `federation: true` adds __resolveReference and
// reference types; mappers make parent types the database rows the resolvers actually receive.
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#Context',
        enumsAsTypes: true,
        useTypeImports: true,
        mappers: {
          Person: '../modules/people/people.store#PersonRow',
          Membership: '../modules/memberships/memberships.store#MembershipRow',
          RoleAssignment: '../modules/memberships/memberships.store#RoleAssignmentRow',
          Role: '../modules/roles/roles.store#RoleRow',
          FunctionGrant: '../modules/roles/rules/role-catalogue.data#FunctionGrant as FunctionGrantModel',
          Employment: '../modules/memberships/memberships.store#MembershipUnitRow',
          PermissionScope: '../modules/scopes/rules/membership.rules#PermissionScope as PermissionScopeModel',
          AccessDecision: '../modules/permission-index/rules/permission-index.rules#IndexedDecision as AccessDecisionModel',
          Agreement: '../modules/agreements/agreements.store#AgreementRow',
          ChangeSet: '../modules/changes/changes.store#ChangeSetRow',
          PendingChange: '../modules/changes/changes.store#PendingChangeRow',
          PersonSummary: '../mappers#PersonSummaryRow',
          EndEmploymentPreview: '../modules/memberships/rules/end-employment.rules#EndEmploymentPlan as EndEmploymentPlanModel',
          EmploymentAssignment: '../modules/memberships/rules/end-employment.rules#PlannedAssignmentEnd as PlannedAssignmentEndModel',
          StaffConnection: '../mappers#StaffConnectionRow',
          Organisation: '../mappers#OrganisationRef',
          SigningOrder: '../mappers#SigningOrderRef',
          AccessReview: '../modules/reviews/reviews.store#AccessReviewRow',
          AccessReviewItem: '../modules/reviews/reviews.store#AccessReviewItemRow',
          AccessReviewItemConnection: '../modules/reviews/reviews.store#AccessReviewItemConnectionRow',
          Notice: '../modules/notices/rules/notices.rules#NoticeModel',
        },
        scalars: { Date: 'string', DateTime: 'Date' },
      },
    },
  },
};
export default config;
