import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO } from '@behorig/kit';

/**
 * Loads the seeds' organisations and units (kit's DEMO) once. Idempotent: a second start finds
 * the rows and changes nothing (ON CONFLICT DO NOTHING on fixed ids).
 */
export async function seedDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    for (const o of Object.values(DEMO.organisations)) {
      await tx.execute(
        `INSERT INTO organisations.organisation (id, org_number, name, kind, postal_address, phone, fax, website)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [o.id, o.orgNumber, o.name, o.kind, o.postalAddress, o.phone, 'fax' in o ? o.fax : null, o.website],
      );
    }
    for (const u of Object.values(DEMO.units)) {
      const orgId = DEMO.organisations[u.organisation as keyof typeof DEMO.organisations].id;
      await tx.execute(`INSERT INTO organisations.unit (id, organisation_id, service_code, name) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, [u.id, orgId, u.service, u.name]);
      for (const a of u.addresses) {
        await tx.execute(`INSERT INTO organisations.address (id, unit_id, street, postal_code, city) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, [a.id, u.id, a.street, a.postalCode, a.city]);
      }
      for (const sf of u.schoolForms) {
        await tx.execute(`INSERT INTO organisations.unit_school_form (unit_id, school_form_code) VALUES (?, ?) ON CONFLICT DO NOTHING`, [u.id, sf]);
      }
    }
  });
}
