import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshPermissionIndexAtUnits } from '../permission-index/permission-index.store';
import { readUnitFacts } from './rules/unit-facts.rules';
import { applyOrganisationFacts, applyUnitFacts } from './unit-facts.store';

/**
 * A delivery of unit facts from the organisations service (docs/architecture.md, "Unit facts"):
 * applied in ONE transaction together with the permission index's refresh for the units whose
 * facts changed (R-SCOPE-4: a closed unit or a removed office shows in the very next check), or
 * not at all. Idempotent: only facts with a higher version than the one kept change anything.
 */
export async function receiveUnitFacts(em: EntityManager, body: unknown): Promise<{ units: number; organisations: number }> {
  const facts = readUnitFacts(body);
  return em.transactional(async (tx) => {
    const changed = await applyUnitFacts(tx, facts.units);
    const organisations = await applyOrganisationFacts(tx, facts.organisations);
    await refreshPermissionIndexAtUnits(tx, changed);
    return { units: changed.length, organisations };
  });
}
