import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web client from the composed gateway schema. Run `npm run compose`
// at the repository root first when the subgraphs changed, then `npm run codegen` here.
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        avoidOptionals: false,
      },
    },
  },
};
export default config;
