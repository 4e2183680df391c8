import type { EntityManager } from '@mikro-orm/postgresql';
import { lockOrganisation } from '../memberships/memberships.store';
import { refreshPermissionIndexAtUnits } from '../permission-index/permission-index.store';
import type { UnitFactsResponse } from '@behorig/kit/auth';
import { readUnitFacts } from './rules/unit-facts.rules';
import { applyOrganisationFacts, applyUnitFacts } from './unit-facts.store';

/**
 * A delivery of unit facts from the organisations service (docs/architecture.md, "Unit facts"):
 * applied in ONE transaction together with the permission index's refresh for the units whose
 * facts changed (R-SCOPE-4: a closed unit or a removed office shows in the very next check), or
 * not at all. Idempotent: only facts with a higher version than the one kept change anything.
 * Malformed facts are not applied and are answered in `refused` (index in the delivery, reason),
 * so the relay holds exactly those rows; the rest of the delivery is applied all the same.
 */
export async function receiveUnitFacts(em: EntityManager, body: unknown): Promise<UnitFactsResponse> {
  const facts = readUnitFacts(body);
  return em.transactional(async (tx) => {
    // The same lock every membership writer takes before it refreshes the index: without it an
    // apply running alongside computes its rows from the facts as they were, and both refreshes'
    // rows survive. Sorted, so two deliveries never wait for each other in opposite order.
    for (const organisationId of [...new Set(facts.units.map((u) => u.organisationId))].sort()) await lockOrganisation(tx, organisationId);
    const changed = await applyUnitFacts(tx, facts.units);
    const organisations = await applyOrganisationFacts(tx, facts.organisations);
    await refreshPermissionIndexAtUnits(tx, changed);
    return { units: changed.length, organisations, refused: facts.refused };
  });
}
