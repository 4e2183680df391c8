import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL (house style 2). `federation: true` adds __resolveReference and
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
        },
        scalars: { Date: 'string' },
      },
    },
  },
};
export default config;
