import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL. `federation: true` adds __resolveReference and
// reference types; mappers make parent types the stores' row types the resolvers actually receive.
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
          Organisation: '../modules/organisations/organisations.store#OrganisationRow',
          Unit: '../modules/units/units.store#UnitRow',
          Address: '../modules/units/units.store#AddressRow',
          Service: '../modules/catalogue/catalogue.store#ServiceRow',
          SchoolForm: '../modules/catalogue/catalogue.store#SchoolFormRow',
          ContactPerson: '../modules/contacts/contacts.store#ContactPersonRow',
          PaymentAccount: '../modules/contacts/contacts.store#PaymentAccountRow',
        },
      },
    },
  },
};
export default config;
