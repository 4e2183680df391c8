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
        scalars: { DateTime: 'Date' },
        useTypeImports: true,
        mappers: {
          Organisation: '../entities/organisation.entity#OrganisationRow',
          Unit: '../entities/unit.entity#UnitRow',
          Address: '../entities/unit.entity#AddressRow',
          Service: '../entities/catalogue.entity#ServiceRow',
          SchoolForm: '../entities/catalogue.entity#SchoolFormRow',
          ContactPerson: '../entities/contact.entity#ContactPersonRow',
          PaymentAccount: '../entities/contact.entity#PaymentAccountRow',
        },
      },
    },
  },
};
export default config;
