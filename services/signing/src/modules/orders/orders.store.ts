import { byIdLoader, childrenLoader, defineTable } from '@behorig/kit/db';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A BankID order this service started: a log-in (auth) or the signing of a change set (sign). */
export interface SigningOrderRow {
  orderRef: string;
  kind: 'LOGIN' | 'SIGN';
  status: 'PENDING' | 'FAILED' | 'COMPLETE';
  hintCode: string | null;
  startedAt: Date;
  endUserIp: string;
  autoStartToken: string;
  qrStartToken: string;
  /** Keys the animated QR HMAC; never sent to clients (R-SIGN-5). */
  qrStartSecret: string;
  /** Sign orders: keyed hash of the signer's personal number (who may follow the order). */
  personalNumberHash: string | null;
  personId: string | null;
  organisationId: string | null;
  changeSetId: string | null;
  digest: string | null;
  userVisibleData: string | null;
  completedAt: Date | null;
  /** BankID's signer, sealed (kit vault): read back once, for a log-in's session. */
  signerPersonalNumberEnc: string | null;
  signerPersonalNumberHash: string | null;
  signerName: string | null;
  /** R-USR-5: BankID's `givenName`/`surname` of the signer (migration 010), for the name correction at log-in. */
  signerGivenName: string | null;
  signerSurname: string | null;
  /** Log-ins: a completed order yields exactly one session. */
  sessionIssuedAt: Date | null;
  receiptId: string | null;
  applyResult: 'PENDING' | 'APPLIED' | 'REFUSED' | null;
  applyError: string | null;
  /** R-SIGN-7: the collector's lease on this order (see migration 005). */
  collectAfter: Date | null;
  /** R-SIGN-7: when access was told this sign order ended unsigned. */
  endReportedAt: Date | null;
}

/** R-SIGN-3: the receipt of one completed signing; `token` is the compact JWS anyone can verify. */
export interface ReceiptRow {
  id: string;
  /** The BankID order; null for a service seal (migration 012). */
  orderRef: string | null;
  /** Null for a BankID signature; `authority` for a service seal (docs/evidence.md). */
  sealedBy: 'authority' | null;
  signedAt: Date;
  signerPersonId: string | null;
  /** Keyed hash of the signer's personal number (the number itself is not stored here). */
  signerPersonalNumberHash: string | null;
  signerName: string;
  organisationId: string;
  changeSetId: string;
  digest: string;
  token: string;
}

export const SIGNING_ORDER = defineTable<keyof SigningOrderRow>('signing.signing_order', {
  orderRef: 'order_ref', kind: 'kind', status: 'status', hintCode: 'hint_code', startedAt: 'started_at', endUserIp: 'end_user_ip',
  autoStartToken: 'auto_start_token', qrStartToken: 'qr_start_token', qrStartSecret: 'qr_start_secret',
  personalNumberHash: 'personal_number_hash', personId: 'person_id', organisationId: 'organisation_id', changeSetId: 'change_set_id',
  digest: 'digest', userVisibleData: 'user_visible_data', completedAt: 'completed_at', signerPersonalNumberEnc: 'signer_personal_number_enc',
  signerPersonalNumberHash: 'signer_personal_number_hash', signerName: 'signer_name', signerGivenName: 'signer_given_name', signerSurname: 'signer_surname', sessionIssuedAt: 'session_issued_at',
  receiptId: 'receipt_id', applyResult: 'apply_result', applyError: 'apply_error', collectAfter: 'collect_after', endReportedAt: 'end_reported_at',
}, { dates: ['startedAt', 'completedAt', 'sessionIssuedAt', 'collectAfter', 'endReportedAt'] });

export const RECEIPT = defineTable<keyof ReceiptRow>('signing.receipt', {
  id: 'id', orderRef: 'order_ref', signedAt: 'signed_at', signerPersonId: 'signer_person_id', signerPersonalNumberHash: 'signer_personal_number_hash',
  signerName: 'signer_name', organisationId: 'organisation_id', changeSetId: 'change_set_id', digest: 'digest', token: 'token', sealedBy: 'sealed_by',
}, { dates: ['signedAt'] });

/** The plain personal-number columns that rows written before migration 008 may still fill (read and emptied by the backfill). */
export const PLAIN_NUMBERS = {
  order: defineTable('signing.signing_order', { orderRef: 'order_ref', personalNumber: 'personal_number', signerPersonalNumber: 'signer_personal_number' }),
  receipt: defineTable('signing.receipt', { id: 'id', signerPersonalNumber: 'signer_personal_number' }),
};

export const tables = [SIGNING_ORDER, RECEIPT, PLAIN_NUMBERS.order, PLAIN_NUMBERS.receipt];

const o = SIGNING_ORDER.c;
const r = RECEIPT.c;
const ORDER_PROPS = Object.keys(o) as (keyof SigningOrderRow)[];
const RECEIPT_PROPS = Object.keys(r) as (keyof ReceiptRow)[];
const toOrder = (raw: Record<string, unknown>) => SIGNING_ORDER.row<SigningOrderRow>(raw);
const toReceipt = (raw: Record<string, unknown>) => RECEIPT.row<ReceiptRow>(raw);
const dbValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * All SQL of the orders feature (signing orders and receipts) and its per-request DataLoaders
 * (one statement per batch). `em` is the request's fork or a transaction's.
 */
export function ordersStore(em: EntityManager) {
  const orders = async (where: string, params: unknown[], tail = '') =>
    (await em.execute<Record<string, unknown>[]>(`SELECT ${SIGNING_ORDER.list()} FROM ${SIGNING_ORDER} WHERE ${where}${tail}`, params)).map(toOrder);
  const receipts = async (where: string, params: unknown[], tail = '') =>
    (await em.execute<Record<string, unknown>[]>(`SELECT ${RECEIPT.list()} FROM ${RECEIPT} WHERE ${where}${tail}`, params)).map(toReceipt);

  return {
    order: byIdLoader<SigningOrderRow>((refs) => orders(`${o.orderRef} IN (?)`, [[...refs]]), (x) => x.orderRef),
    receipt: byIdLoader<ReceiptRow>((ids) => receipts(`${r.id} IN (?)`, [[...ids]]), (x) => x.id),
    receiptsBySigner: childrenLoader<ReceiptRow>(
      (ids) => receipts(`${r.signerPersonId} IN (?)`, [[...ids]], ` ORDER BY ${r.signedAt} DESC, ${r.id} ASC`),
      (x) => x.signerPersonId ?? '',
    ),

    /** The order, or null; `lock` takes its row lock until the transaction ends (only inside `em.transactional`). */
    async findOrder(orderRef: string, opts: { lock?: boolean } = {}): Promise<SigningOrderRow | null> {
      const [row] = await orders(`${o.orderRef} = ?`, [orderRef], opts.lock ? ' FOR UPDATE' : '');
      return row ?? null;
    },

    async insertOrder(row: SigningOrderRow): Promise<SigningOrderRow> {
      const [raw] = await em.execute<Record<string, unknown>[]>(
        `INSERT INTO ${SIGNING_ORDER} (${SIGNING_ORDER.cols(ORDER_PROPS)}) VALUES (${ORDER_PROPS.map(() => '?').join(', ')}) RETURNING ${SIGNING_ORDER.list()}`,
        ORDER_PROPS.map((p) => dbValue(row[p])),
      );
      return toOrder(raw);
    },

    /** Sets the given fields of one order and returns it as it now is (null when there is no such order). */
    async updateOrder(orderRef: string, patch: Partial<Omit<SigningOrderRow, 'orderRef'>>): Promise<SigningOrderRow | null> {
      const props = Object.keys(patch) as (keyof typeof patch)[];
      const [raw] = await em.execute<Record<string, unknown>[]>(
        `UPDATE ${SIGNING_ORDER} SET ${props.map((p) => `${o[p]} = ?`).join(', ')} WHERE ${o.orderRef} = ? RETURNING ${SIGNING_ORDER.list()}`,
        [...props.map((p) => dbValue(patch[p])), orderRef],
      );
      return raw ? toOrder(raw) : null;
    },

    async findReceipt(id: string): Promise<ReceiptRow | null> {
      const [row] = await receipts(`${r.id} = ?`, [id]);
      return row ?? null;
    },

    /** Serialises sealing one change set until the caller's transaction ends (two replicas asking at once get one seal). */
    async lockSealOf(changeSetId: string): Promise<void> {
      await em.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 4003))`, [`signing:seal:${changeSetId}`]);
    },

    /** The service seal of a change set, if it was sealed (at most one, migration 012). */
    async sealOf(changeSetId: string): Promise<ReceiptRow | null> {
      const [row] = await receipts(`${r.changeSetId} = ? AND ${r.sealedBy} IS NOT NULL`, [changeSetId]);
      return row ?? null;
    },

    async insertReceipt(row: ReceiptRow): Promise<void> {
      await em.execute(
        `INSERT INTO ${RECEIPT} (${RECEIPT.cols(RECEIPT_PROPS)}) VALUES (${RECEIPT_PROPS.map(() => '?').join(', ')})`,
        RECEIPT_PROPS.map((p) => dbValue(row[p])),
      );
    },

    /**
     * R-SIGN-7: claims up to `limit` orders that need the server's attention — pending ones (collect),
     * completed sign orders not yet applied, failed ones not yet reported — for `leaseMs`. One short
     * statement with FOR UPDATE SKIP LOCKED: replicas claim disjoint orders and hold no lock after.
     */
    async claimOpenOrders(leaseMs: number, limit: number): Promise<string[]> {
      const rows = await em.execute<{ orderRef: string }[]>(
        `UPDATE ${SIGNING_ORDER} SET ${o.collectAfter} = now() + (? * interval '1 millisecond')
          WHERE ${o.orderRef} IN (
            SELECT ${o.orderRef} FROM ${SIGNING_ORDER}
             WHERE (${o.status} = 'PENDING' OR (${o.kind} = 'SIGN' AND ${o.status} = 'COMPLETE' AND ${o.applyResult} = 'PENDING')
                    OR (${o.kind} = 'SIGN' AND ${o.status} = 'FAILED' AND ${o.endReportedAt} IS NULL))
               AND (${o.collectAfter} IS NULL OR ${o.collectAfter} <= now())
             ORDER BY ${o.startedAt} LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING ${SIGNING_ORDER.list(['orderRef'])}`,
        [leaseMs, limit],
      );
      return rows.map((x) => x.orderRef);
    },

    /** BankID orders started and not yet complete or failed (the open-orders metric). */
    async countOpenOrders(): Promise<number> {
      const [row] = await em.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${SIGNING_ORDER} WHERE ${o.status} = 'PENDING'`);
      return Number(row.n);
    },

    /** Backfill: up to `limit` orders still holding plain personal numbers, locked (SKIP LOCKED) for this transaction. */
    async ordersWithPlainNumbers(limit: number) {
      const t = PLAIN_NUMBERS.order;
      return em.execute<{ orderRef: string; personalNumber: string | null; signerPersonalNumber: string | null }[]>(
        `SELECT ${t.list()} FROM ${t} WHERE ${t.c.personalNumber} IS NOT NULL OR ${t.c.signerPersonalNumber} IS NOT NULL LIMIT ? FOR UPDATE SKIP LOCKED`, [limit]);
    },

    /** Backfill: the sealed forms in (unless already there), the plain numbers out. */
    async sealOrderNumbers(orderRef: string, sealed: { personalNumberHash: string | null; signerPersonalNumberEnc: string | null; signerPersonalNumberHash: string | null }) {
      const t = PLAIN_NUMBERS.order;
      await em.execute(
        `UPDATE ${SIGNING_ORDER} SET ${o.personalNumberHash} = coalesce(${o.personalNumberHash}, ?), ${o.signerPersonalNumberEnc} = coalesce(${o.signerPersonalNumberEnc}, ?),
           ${o.signerPersonalNumberHash} = coalesce(${o.signerPersonalNumberHash}, ?), ${t.c.personalNumber} = NULL, ${t.c.signerPersonalNumber} = NULL WHERE ${o.orderRef} = ?`,
        [sealed.personalNumberHash, sealed.signerPersonalNumberEnc, sealed.signerPersonalNumberHash, orderRef]);
    },

    async receiptsWithPlainNumbers(limit: number) {
      const t = PLAIN_NUMBERS.receipt;
      return em.execute<{ id: string; signerPersonalNumber: string }[]>(
        `SELECT ${t.list()} FROM ${t} WHERE ${t.c.signerPersonalNumber} IS NOT NULL LIMIT ? FOR UPDATE SKIP LOCKED`, [limit]);
    },

    async sealReceiptNumber(id: string, signerPersonalNumberHash: string) {
      await em.execute(
        `UPDATE ${RECEIPT} SET ${r.signerPersonalNumberHash} = coalesce(${r.signerPersonalNumberHash}, ?), ${PLAIN_NUMBERS.receipt.c.signerPersonalNumber} = NULL WHERE ${r.id} = ?`,
        [signerPersonalNumberHash, id]);
    },
  };
}
export type OrdersStore = ReturnType<typeof ordersStore>;
