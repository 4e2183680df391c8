import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO, type DemoOrgKey, type DemoUnitKey } from '@behorig/kit/demo';
import { parsePersonalNumber } from '@behorig/kit/identity';
import { type PersonalNumberVault } from '@behorig/kit/vault';
import { randomUUID } from 'node:crypto';
import { refreshPermissionIndex } from '../permission-index/permission-index.store';

/**
 * Loads the seeds' people and their memberships (kit's DEMO) once: skipped when the person
 * already exists, so a second start changes nothing. Personal numbers are stored sealed only.
 */
export async function seedDemoData(em: EntityManager, vault: PersonalNumberVault): Promise<void> {
  await em.transactional(async (tx) => {
    for (const p of DEMO.people) {
      const pnr = parsePersonalNumber(p.personalNumber);
      const sealed = vault.seal(pnr.canonical);
      const inserted = await tx.execute(
        `INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [p.id, sealed.hash, sealed.ciphertext, p.givenName, p.surname, pnr.birthDate],
      );
      if (inserted.length === 0) continue;
      for (const m of p.memberships) {
        const membershipId = randomUUID();
        await tx.execute(`INSERT INTO access.membership (id, person_id, organisation_id, email) VALUES (?, ?, ?, ?)`, [membershipId, p.id, DEMO.organisations[m.organisation as DemoOrgKey].id, p.email ?? null]);
        const forms: readonly (string | null)[] = 'schoolForms' in m && m.schoolForms ? m.schoolForms : [null];
        for (const unit of m.units) {
          const u = DEMO.units[unit as DemoUnitKey];
          for (const sf of forms) {
            if (sf && !(u.schoolForms as readonly string[]).includes(sf)) continue;
            await tx.execute(`INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code) VALUES (?, ?, ?, ?)`, [randomUUID(), membershipId, u.id, sf]);
          }
        }
        for (const r of m.roles) {
          await tx.execute(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`, [randomUUID(), membershipId, r.role, r.validFrom, r.validTo]);
        }
        await refreshPermissionIndex(tx, DEMO.organisations[m.organisation as DemoOrgKey].id, [p.id]);
      }
    }
  });
}
