import type { PersonalNumberVault } from '@behorig/kit/vault';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ordersStore } from './orders.store';

/**
 * Seals the personal numbers that rows written before migration 008 hold in plain text, then
 * empties those columns. Runs at start-up (it needs the key); idempotent, in batches.
 */
export async function sealPlainPersonalNumbers(orm: MikroORM, vault: PersonalNumberVault): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await orm.em.fork().transactional(async (tx) => {
      const store = ordersStore(tx);
      const orders = await store.ordersWithPlainNumbers(500);
      for (const o of orders) {
        const signer = o.signerPersonalNumber ? vault.seal(o.signerPersonalNumber) : null;
        await store.sealOrderNumbers(o.orderRef, {
          personalNumberHash: o.personalNumber ? vault.hash(o.personalNumber) : null,
          signerPersonalNumberEnc: signer?.ciphertext ?? null,
          signerPersonalNumberHash: signer?.hash ?? null,
        });
      }
      const receipts = await store.receiptsWithPlainNumbers(500);
      for (const r of receipts) await store.sealReceiptNumber(r.id, vault.hash(r.signerPersonalNumber));
      return orders.length + receipts.length;
    });
    done += n;
    if (n === 0) return done;
  }
}
