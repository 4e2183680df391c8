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
          Person: '../entities/person.entity#PersonRow',
          Membership: '../entities/membership.entity#MembershipRow',
          RoleAssignment: '../entities/membership.entity#RoleAssignmentRow',
          Role: '../entities/role.entity#RoleRow',
          FunctionGrant: '../domain/role-catalogue.data#FunctionGrant as FunctionGrantModel',
          Employment: '../entities/membership.entity#MembershipUnitRow',
          PermissionScope: '../domain/membership.rules#PermissionScope as PermissionScopeModel',
          AccessDecision: '../modules/permission-index/rules/permission-index.rules#IndexedDecision as AccessDecisionModel',
          Agreement: '../entities/agreement.entity#AgreementRow',
          ChangeSet: '../entities/change-set.entity#ChangeSetRow',
          PendingChange: '../entities/change-set.entity#PendingChangeRow',
          PersonSummary: '../mappers#PersonSummaryRow',
          EndEmploymentPreview: '../domain/end-employment.rules#EndEmploymentPlan as EndEmploymentPlanModel',
          EmploymentAssignment: '../domain/end-employment.rules#PlannedAssignmentEnd as PlannedAssignmentEndModel',
          StaffConnection: '../mappers#StaffConnectionRow',
          Organisation: '../mappers#OrganisationRef',
          SigningOrder: '../mappers#SigningOrderRef',
        },
        scalars: { Date: 'string', DateTime: 'Date' },
      },
    },
  },
};
export default config;
