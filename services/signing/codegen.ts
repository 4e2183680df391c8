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
          AuditEvent: '../entities/audit-event.entity#AuditEventRow',
          SigningOrder: '../entities/signing-order.entity#SigningOrderRow',
          Receipt: '../entities/receipt.entity#ReceiptRow',
          ApiClient: '../entities/api-client.entity#ApiClientRow',
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
