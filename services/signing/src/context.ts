import type { EntityManager } from '@mikro-orm/postgresql';
import { clientAddressOf, type Actor } from '@behorig/kit/auth';
import { createPermissionClient, type PermissionClient } from '@behorig/kit/permissions';
import type { Request } from 'express';
import type { SigningDeps } from './deps';
import { auditStore, type AuditStore } from './modules/audit/audit.store';
import { ordersStore, type OrdersStore } from './modules/orders/orders.store';
import { partnersStore, type ApiClientRow, type PartnersStore } from './modules/partners/partners.store';
import { webhooksStore, type WebhooksStore } from './modules/webhooks/webhooks.store';

/** Per request: the verified actor, ONE EntityManager fork, the stores over it (with their per-request DataLoaders) and one permission client. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  /** The end user's IP as BankID wants it (`endUserIp`). */
  ip: string;
  deps: SigningDeps;
  stores: { orders: OrdersStore; partners: PartnersStore; audit: AuditStore; webhooks: WebhooksStore };
  /**
   * "May the caller do F in organisation O", asked of access with the caller's own Authorization,
   * memoised per request and kept in the process's decision cache (R-SCOPE-4); used only through policy/.
   */
  permissions: PermissionClient;
}

/** BankID's `endUserIp`: the address the gateway vouches for, else the socket's (kit clientAddressOf). */
export const endUserIp = (req: Request | undefined): string => clientAddressOf(req as never);

export const contextFactory = (deps: SigningDeps) => (actor: Actor | null, em: EntityManager, req: Request): Context => ({
  actor,
  em,
  ip: endUserIp(req),
  deps,
  stores: { orders: ordersStore(em), partners: partnersStore(em), audit: auditStore(em), webhooks: webhooksStore(em) },
  permissions: createPermissionClient(actor, deps.permissionSource, req?.headers?.authorization, { cache: deps.permissionDecisions }),
});

/** Entities owned by other subgraphs are known here only by their key. */
export type EntityRef = { id: string };
export type SessionResult = { token: string; expiresAt: Date; personId: string | null; authority: boolean };
export type ApiClientCredentialsResult = { client: ApiClientRow; clientSecret: string };
