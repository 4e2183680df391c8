import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** R-SIGN-3: the receipt of one completed signing; `token` is the compact JWS anyone can verify. */
export const ReceiptEntity = defineEntity({
  name: 'Receipt',
  tableName: 'receipt',
  properties: (p) => ({
    id: p.uuid().primary(),
    orderRef: p.string().unique(),
    signedAt: p.datetime(),
    signerPersonId: p.uuid().nullable(),
    /** Keyed hash of the signer's personal number (the number itself is not stored here). */
    signerPersonalNumberHash: p.string().nullable(),
    signerName: p.string(),
    organisationId: p.uuid(),
    changeSetId: p.uuid(),
    digest: p.string(),
    token: p.text(),
  }),
});
export type ReceiptRow = InferEntity<typeof ReceiptEntity>;
