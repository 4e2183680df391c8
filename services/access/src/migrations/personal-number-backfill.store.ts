import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalNumberVault } from '@behorig/kit/vault';

/**
 * Start-up backfill for migration 003 (read its comment): seals every personal number still
 * stored in plain text and sets the plain text to NULL, BEFORE the service serves a request.
 * One UPDATE per batch of up to 1,000 rows, each batch its own short transaction, rows claimed
 * with FOR UPDATE SKIP LOCKED so two instances starting together never seal a row twice.
 */
export const SEALED_COLUMNS = [
  { table: 'person', plain: 'personal_number', hash: 'personal_number_hash', enc: 'personal_number_enc' },
  { table: 'pending_change', plain: 'personal_number', hash: 'personal_number_hash', enc: 'personal_number_enc' },
  { table: 'agreement', plain: 'admin_personal_number', hash: 'admin_personal_number_hash', enc: 'admin_personal_number_enc' },
  { table: 'change_set', plain: 'signer_personal_number', hash: 'signer_personal_number_hash', enc: 'signer_personal_number_enc' },
] as const;

export const BACKFILL_BATCH = 1000;

/** Returns how many rows were sealed per table (0 everywhere on every start after the first). */
export async function sealPlaintextPersonalNumbers(em: EntityManager, vault: PersonalNumberVault, batch = BACKFILL_BATCH): Promise<Record<string, number>> {
  const sealed: Record<string, number> = {};
  for (const c of SEALED_COLUMNS) {
    sealed[c.table] = 0;
    for (;;) {
      const n = await em.fork().transactional(async (tx) => {
        const rows = await tx.execute<{ id: string; plain: string }[]>(
          `SELECT id, ${c.plain} AS plain FROM access.${c.table} WHERE ${c.plain} IS NOT NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`, [batch]);
        if (rows.length === 0) return 0;
        const values: string[] = [];
        const params: string[] = [];
        for (const r of rows) {
          const s = vault.seal(r.plain);
          values.push('(?::uuid, ?, ?)');
          params.push(r.id, s.hash, s.ciphertext);
        }
        await tx.execute(
          `UPDATE access.${c.table} t SET ${c.hash} = v.hash, ${c.enc} = v.enc, ${c.plain} = NULL
             FROM (VALUES ${values.join(', ')}) AS v(id, hash, enc) WHERE t.id = v.id`, params);
        return rows.length;
      });
      sealed[c.table] += n;
      if (n < batch) break;
    }
  }
  return sealed;
}
