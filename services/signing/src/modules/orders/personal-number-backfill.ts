import type { PersonalNumberVault } from '@behorig/kit';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Seals the personal numbers that rows written before migration 008 hold in plain text, then
 * empties those columns. Runs at start-up (it needs the key); idempotent, in batches.
 */
export async function sealPlainPersonalNumbers(orm: MikroORM, vault: PersonalNumberVault): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await orm.em.fork().transactional(async (tx) => {
      const orders = await tx.execute<{ order_ref: string; personal_number: string | null; signer_personal_number: string | null }[]>(
        `SELECT order_ref, personal_number, signer_personal_number FROM signing.signing_order
          WHERE personal_number IS NOT NULL OR signer_personal_number IS NOT NULL LIMIT 500 FOR UPDATE SKIP LOCKED`);
      for (const o of orders) {
        const signer = o.signer_personal_number ? vault.seal(o.signer_personal_number) : null;
        await tx.execute(
          `UPDATE signing.signing_order SET personal_number_hash = coalesce(personal_number_hash, ?), signer_personal_number_enc = coalesce(signer_personal_number_enc, ?),
             signer_personal_number_hash = coalesce(signer_personal_number_hash, ?), personal_number = NULL, signer_personal_number = NULL WHERE order_ref = ?`,
          [o.personal_number ? vault.hash(o.personal_number) : null, signer?.ciphertext ?? null, signer?.hash ?? null, o.order_ref]);
      }
      const receipts = await tx.execute<{ id: string; signer_personal_number: string }[]>(
        `SELECT id, signer_personal_number FROM signing.receipt WHERE signer_personal_number IS NOT NULL LIMIT 500 FOR UPDATE SKIP LOCKED`);
      for (const r of receipts) {
        await tx.execute(`UPDATE signing.receipt SET signer_personal_number_hash = coalesce(signer_personal_number_hash, ?), signer_personal_number = NULL WHERE id = ?`,
          [vault.hash(r.signer_personal_number), r.id]);
      }
      return orders.length + receipts.length;
    });
    done += n;
    if (n === 0) return done;
  }
}
