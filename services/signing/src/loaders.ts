import { byIdLoader, childrenLoader } from '@behorig/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReceiptEntity, type ReceiptRow } from './entities/receipt.entity';
import { SigningOrderEntity, type SigningOrderRow } from './entities/signing-order.entity';
import { ApiClientEntity, type ApiClientRow } from './entities/api-client.entity';

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
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
