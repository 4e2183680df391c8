import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO, DEMO_ORGANISATION_DETAILS } from '@behorig/kit/demo';
import { createStores } from './context';
import { publishOrganisationFacts, publishUnitFacts } from './modules/unit-facts/unit-facts.store';

const orgId = (key: string) => DEMO.organisations[key as keyof typeof DEMO.organisations].id;

/**
 * Loads the seeds' organisations, units, addresses, school forms, contact persons and payment
 * accounts (kit's DEMO) through the stores. Idempotent: rows are keyed by fixed ids and only
 * missing ones are created, so a second start changes nothing (and never overwrites edits).
 */
export async function seedDemoData(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const { organisations, units, contacts } = createStores(tx);
    const missing = <R extends { id: string }>(rows: readonly R[], existing: Set<string>) => rows.filter((r) => !existing.has(r.id));

    const orgs = Object.values(DEMO.organisations);
    const newOrgs = missing(orgs, await organisations.existing(orgs.map((o) => o.id)));
    for (const o of newOrgs) {
      await organisations.insert({ id: o.id, orgNumber: o.orgNumber, name: o.name, kind: o.kind, postalAddress: o.postalAddress, phone: o.phone, fax: 'fax' in o ? o.fax : null, website: o.website });
    }

    const demoUnits = Object.values(DEMO.units);
    const newUnits = missing(demoUnits, await units.existingUnits(demoUnits.map((u) => u.id)));
    const offices = demoUnits.flatMap((u) => u.addresses.map((a) => ({ ...a, unitId: u.id })));
    const existingOffices = await units.existingAddresses(offices.map((a) => a.id));
    // New units with their school forms; offices missing from any unit.
    for (const u of newUnits) {
      await units.insert({ id: u.id, organisationId: orgId(u.organisation), serviceCode: u.service, name: u.name }, u.addresses.filter((a) => !existingOffices.has(a.id)), u.schoolForms);
    }
    const added = new Set(newUnits.map((u) => u.id));
    const newOffices = missing(offices, existingOffices).filter((a) => !added.has(a.unitId));
    for (const a of newOffices) await units.insertAddresses(a.unitId, [a]);
    // What was created here reaches access as facts, like any other change (docs/architecture.md, "Unit facts").
    await publishOrganisationFacts(tx, newOrgs.map((o) => o.id));
    await publishUnitFacts(tx, [...added, ...newOffices.map((a) => a.unitId)]);

    const people = DEMO_ORGANISATION_DETAILS.contactPersons;
    for (const { organisation, ...c } of missing(people, await contacts.existingContactPersons(people.map((c) => c.id)))) {
      await contacts.insertContactPerson(orgId(organisation), { ...c, updatedBy: 'demo data' });
    }
    const accounts = DEMO_ORGANISATION_DETAILS.paymentAccounts;
    for (const { organisation, updatedAt, ...a } of missing(accounts, await contacts.existingPaymentAccounts(accounts.map((a) => a.id)))) {
      await contacts.insertPaymentAccount(orgId(organisation), { ...a, createdAt: new Date(updatedAt), updatedAt: new Date(updatedAt) });
    }
  });
}
