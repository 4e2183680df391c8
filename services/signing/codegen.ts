import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL. `federation: true` adds __resolveReference and
// reference types; mappers make parent types the stores' row objects the resolvers actually receive.
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
          AuditEvent: '../modules/audit/audit.store#AuditEventRow',
          SigningOrder: '../modules/orders/orders.store#SigningOrderRow',
          Receipt: '../modules/orders/orders.store#ReceiptRow',
          ApiClient: '../modules/partners/partners.store#ApiClientRow',
          ApiClientCredentials: '../context#ApiClientCredentialsResult',
          Session: '../context#SessionResult',
          Organisation: '../context#EntityRef',
          Person: '../context#EntityRef',
          EventSubscription: '../modules/webhooks/webhooks.store#EventSubscriptionRow',
          WebhookDelivery: '../modules/webhooks/webhooks.store#WebhookDeliveryRow',
          EventSubscriptionWithSecret: '../modules/webhooks/webhooks.store#EventSubscriptionWithSecretResult',
        },
        scalars: { DateTime: 'Date' },
      },
    },
  },
};
export default config;
