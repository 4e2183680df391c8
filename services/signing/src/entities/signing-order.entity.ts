import { defineEntity, type InferEntity } from '@mikro-orm/core';

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
