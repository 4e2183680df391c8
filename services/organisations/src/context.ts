import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit/auth';
import { createPermissionClient, type DecisionCacheLike, type PermissionSource } from '@behorig/kit/permissions';
import { createPolicy, type Policy } from './policy/organisations.policy';
import { createOrganisationStore } from './modules/organisations/organisations.store';
import { createUnitStore } from './modules/units/units.store';
import { createContactStore } from './modules/contacts/contacts.store';
import { createCatalogueStore } from './modules/catalogue/catalogue.store';
import { audit, type AuditEvent } from './modules/shared/audit';
import { publishOrganisationFacts, publishUnitFacts } from './modules/unit-facts/unit-facts.store';

/** Every feature's store on one connection: the request's fork, or a transaction's. */
export const createStores = (db: EntityManager) => ({
  organisations: createOrganisationStore(db),
  units: createUnitStore(db),
  contacts: createContactStore(db),
  catalogue: createCatalogueStore(db),
});
export type Stores = ReturnType<typeof createStores>;

/** What a service gets inside `ctx.transaction`: the stores bound to it and its audit writer (R-AUDIT-1). */
export interface Tx {
  stores: Stores;
  audit(actor: Actor, event: AuditEvent): Promise<void>;
  /** Publishes the units' and organisations' current facts to access through the fact outbox, in this transaction (docs/architecture.md, "Unit facts"). */
  publish: { units(ids: readonly string[]): Promise<void>; organisations(ids: readonly string[]): Promise<void> };
}

/**
 * Called after a transaction that published facts has committed: delivers them to access at once
 * (best effort, bounded), so the caller's next request to access already sees them. The outbox
 * relay's polling is the guarantee; this only shortens the wait.
 */
export type FactsCommitted = () => Promise<void>;

/** Per request: the verified actor, the policy, stores with fresh DataLoaders on ONE EntityManager fork. */
export interface Context {
  actor: Actor | null;
  policy: Policy;
  stores: Stores;
  /** One transaction: the change and its audit event commit together or not at all (R-AUDIT-1). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export function createContext(actor: Actor | null, em: EntityManager, source: PermissionSource, authorization?: string, decisions?: DecisionCacheLike, factsCommitted?: FactsCommitted): Context {
  return {
    actor,
    policy: createPolicy(actor, createPermissionClient(actor, source, authorization, { cache: decisions })),
    stores: createStores(em),
    async transaction(work) {
      let published = false;
      const result = await em.transactional((tx) => work({
        stores: createStores(tx),
        audit: (who, event) => audit(tx, who, event),
        publish: {
          units: (ids) => { published = true; return publishUnitFacts(tx, ids); },
          organisations: (ids) => { published = true; return publishOrganisationFacts(tx, ids); },
        },
      }));
      if (published && factsCommitted) await factsCommitted();
      return result;
    },
  };
}
