import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { DEMO, DEMO_ORGANISATION_DETAILS } from '@behorig/kit';
import { OrganisationEntity } from './entities/organisation.entity';
import { AddressEntity, UnitEntity, UnitSchoolFormEntity } from './entities/unit.entity';
import { ContactPersonEntity, PaymentAccountEntity } from './entities/contact.entity';

const orgId = (key: string) => DEMO.organisations[key as keyof typeof DEMO.organisations].id;

/**
 * Loads the seeds' organisations, units, addresses, school forms, contact persons and payment
 * accounts (kit's DEMO) through the entities. Idempotent: rows are keyed by fixed ids and only
 * missing ones are created, so a second start changes nothing (and never overwrites edits).
 */
export async function seedDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const missing = async <R extends { id: string }>(entity: EntityName<any>, rows: readonly R[]): Promise<R[]> => {
      const found = new Set((await tx.find(entity, { id: { $in: rows.map((r) => r.id) } })).map((r) => (r as { id: string }).id));
      return rows.filter((r) => !found.has(r.id));
    };

    for (const o of await missing(OrganisationEntity, Object.values(DEMO.organisations).map((o) => ({
      id: o.id, orgNumber: o.orgNumber, name: o.name, kind: o.kind, postalAddress: o.postalAddress, phone: o.phone,
      fax: 'fax' in o ? o.fax : null, website: o.website,
    })))) tx.create(OrganisationEntity, o);
    await tx.flush();

    const units = Object.values(DEMO.units);
    const newUnits = await missing(UnitEntity, units.map((u) => ({ id: u.id, organisationId: orgId(u.organisation), serviceCode: u.service, name: u.name })));
    for (const u of newUnits) tx.create(UnitEntity, u);
    await tx.flush();
    for (const u of units.filter((u) => newUnits.some((n) => n.id === u.id))) {
      for (const code of u.schoolForms) tx.create(UnitSchoolFormEntity, { unitId: u.id, schoolFormCode: code });
    }
    for (const a of await missing(AddressEntity, units.flatMap((u) => u.addresses.map((a) => ({ ...a, unitId: u.id }))))) tx.create(AddressEntity, a);

    for (const c of await missing(ContactPersonEntity, DEMO_ORGANISATION_DETAILS.contactPersons.map(({ organisation, ...c }) => ({
      ...c, organisationId: orgId(organisation), updatedBy: 'demo data',
    })))) tx.create(ContactPersonEntity, c);
    for (const a of await missing(PaymentAccountEntity, DEMO_ORGANISATION_DETAILS.paymentAccounts.map(({ organisation, updatedAt, ...a }) => ({
      ...a, organisationId: orgId(organisation), updatedAt: new Date(updatedAt), createdAt: new Date(updatedAt),
    })))) tx.create(PaymentAccountEntity, a);
  });
}
