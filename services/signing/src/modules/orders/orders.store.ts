import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '@behorig/kit';

/** A BankID order this service started: a log-in (auth) or the signing of a change set (sign). */
export const SigningOrderEntity = defineEntity({
  name: 'SigningOrder',
  tableName: 'signing_order',
  properties: (p) => ({
    orderRef: p.string().primary(),
    kind: p.enum(['LOGIN', 'SIGN'] as const),
    status: p.enum(['PENDING', 'FAILED', 'COMPLETE'] as const),
    hintCode: p.string().nullable(),
    startedAt: p.datetime(),
    endUserIp: p.string(),
    autoStartToken: p.string(),
    qrStartToken: p.string(),
    /** Keys the animated QR HMAC; never sent to clients. */
    qrStartSecret: p.string(),
    /** Sign orders: keyed hash of the signer's personal number (who may follow the order). */
    personalNumberHash: p.string().nullable(),
    personId: p.uuid().nullable(),
    organisationId: p.uuid().nullable(),
    changeSetId: p.uuid().nullable(),
    digest: p.string().nullable(),
    userVisibleData: p.text().nullable(),
    completedAt: p.datetime().nullable(),
    /** BankID's signer, sealed (kit vault): read back once, for a log-in's session. */
    signerPersonalNumberEnc: p.string().nullable(),
    signerPersonalNumberHash: p.string().nullable(),
    signerName: p.string().nullable(),
    /** Log-ins: a completed order yields exactly one session. */
    sessionIssuedAt: p.datetime().nullable(),
    receiptId: p.uuid().nullable(),
    applyResult: p.enum(['PENDING', 'APPLIED', 'REFUSED'] as const).nullable(),
    applyError: p.string().nullable(),
    /** R-SIGN-7: the collector's lease on this order (see migration 005). */
    collectAfter: p.datetime().nullable(),
    /** R-SIGN-7: when access was told this sign order ended unsigned. */
    endReportedAt: p.datetime().nullable(),
  }),
});
export type SigningOrderRow = InferEntity<typeof SigningOrderEntity>;

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

/** Per-request DataLoaders of the orders feature: one SQL statement per batch. */
export function ordersLoaders(em: EntityManager) {
  return {
    receipt: byIdLoader<ReceiptRow>((ids) => em.find(ReceiptEntity, { id: { $in: [...ids] } }), (r) => r.id),
    order: byIdLoader<SigningOrderRow>((refs) => em.find(SigningOrderEntity, { orderRef: { $in: [...refs] } }), (o) => o.orderRef),
    receiptsBySigner: childrenLoader<ReceiptRow>(
      (ids) => em.find(ReceiptEntity, { signerPersonId: { $in: [...ids] } }, { orderBy: { signedAt: 'desc', id: 'asc' } }),
      (r) => r.signerPersonId ?? '',
    ),
  };
}

/** BankID orders started and not yet complete or failed (the open-orders metric). */
export async function countOpenOrders(em: EntityManager): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM signing.signing_order WHERE status = 'PENDING'`);
  return Number(row.n);
}
