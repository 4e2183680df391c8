import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit/auth';
import { createPermissionClient, type DecisionCacheLike, type PermissionSource } from '@behorig/kit/permissions';
import { createPolicy, type Policy } from './policy/organisations.policy';
import { createOrganisationStore } from './modules/organisations/organisations.store';
import { createUnitStore } from './modules/units/units.store';
import { createContactStore } from './modules/contacts/contacts.store';
import { createCatalogueStore } from './modules/catalogue/catalogue.store';
import { audit, type AuditEvent } from './modules/shared/audit';

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
}

/** Per request: the verified actor, the policy, stores with fresh DataLoaders on ONE EntityManager fork. */
export interface Context {
  actor: Actor | null;
  policy: Policy;
  stores: Stores;
  /** One transaction: the change and its audit event commit together or not at all (R-AUDIT-1). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export function createContext(actor: Actor | null, em: EntityManager, source: PermissionSource, authorization?: string, decisions?: DecisionCacheLike): Context {
  return {
    actor,
    policy: createPolicy(actor, createPermissionClient(actor, source, authorization, { cache: decisions })),
    stores: createStores(em),
    transaction: (work) => em.transactional((tx) => work({ stores: createStores(tx), audit: (who, event) => audit(tx, who, event) })),
  };
}
