import { byIdLoader, childrenLoader } from '@behorig/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReceiptEntity, type ReceiptRow } from './entities/receipt.entity';
import { SigningOrderEntity, type SigningOrderRow } from './entities/signing-order.entity';
import { ApiClientEntity, type ApiClientRow } from './entities/api-client.entity';
import { recentDeliveries, subscriptionsOfOrganisations, type EventSubscriptionRow, type WebhookDeliveryRow } from './modules/webhooks/webhooks.store';

/** Per-request DataLoaders: one SQL statement per batch. */
export function createLoaders(em: EntityManager) {
  return {
    receipt: byIdLoader<ReceiptRow>((ids) => em.find(ReceiptEntity, { id: { $in: [...ids] } }), (r) => r.id),
    order: byIdLoader<SigningOrderRow>((refs) => em.find(SigningOrderEntity, { orderRef: { $in: [...refs] } }), (o) => o.orderRef),
    receiptsBySigner: childrenLoader<ReceiptRow>(
      (ids) => em.find(ReceiptEntity, { signerPersonId: { $in: [...ids] } }, { orderBy: { signedAt: 'desc', id: 'asc' } }),
      (r) => r.signerPersonId ?? '',
    ),
    apiClientsByOrganisation: childrenLoader<ApiClientRow>(
      (ids) => em.find(ApiClientEntity, { organisationId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (c) => c.organisationId,
    ),
    eventSubscriptionsByOrganisation: childrenLoader<EventSubscriptionRow>((ids) => subscriptionsOfOrganisations(em, ids), (s) => s.organisationId),
    recentWebhookDeliveries: childrenLoader<WebhookDeliveryRow>((ids) => recentDeliveries(em, ids, 50), (d) => d.subscriptionId),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
