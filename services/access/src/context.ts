import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { clientAddressOf, type Actor } from '@behorig/kit/auth';
import { type PersonalNumberVault } from '@behorig/kit/vault';
import { type ReceiptVerifier } from '@behorig/kit/receipt';
import { findOrganisationUnits, type OrganisationUnit } from './modules/unit-facts/unit-facts.store';
import type { SigningClient } from './clients/signing.client';
import { createPeopleLoaders } from './modules/people/people.store';
import { createMembershipLoaders } from './modules/memberships/memberships.store';
import { createRoleLoaders } from './modules/roles/roles.store';
import { createAgreementLoaders } from './modules/agreements/agreements.store';
import { createChangeLoaders } from './modules/changes/changes.store';
import { resolveViewer, type Viewer } from './policy/access.policy';

/** Collaborators fixed when the server is built (tests swap them for doubles). */
export interface AccessDeps {
  signing: SigningClient;
  /** Today's Europe/Stockholm date: injectable so R-PERIOD-2 can be tested on any day. */
  today: () => string;
  verifyReceipt: ReceiptVerifier;
  /** Seals and opens personal numbers (kit personal-number-vault); look-ups go by its hash. */
  vault: PersonalNumberVault;
}

/** The request's DataLoaders, each created by the store that owns its table (one statement per batch). */
export function createLoaders(em: EntityManager) {
  return { ...createPeopleLoaders(em), ...createMembershipLoaders(em), ...createRoleLoaders(em), ...createAgreementLoaders(em), ...createChangeLoaders(em) };
}
export type Loaders = ReturnType<typeof createLoaders>;

/** Per request: the verified actor, ONE EntityManager fork, fresh DataLoaders. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  deps: AccessDeps;
  /** The caller's Authorization header, forwarded to the signing service. */
  authorization?: string;
  /** The caller's IP (BankID wants the end user's address). */
  ip: string;
  /** Today, fixed for the whole request. */
  today: string;
  /** Resolved once per request, on first use (src/policy/access.policy.ts). */
  viewer: () => Promise<Viewer | null>;
  /** Every unit of an organisation with its current offices, from access's unit facts, once per request and batch (R-USR-3, R-USR-2). */
  organisationUnits: DataLoader<string, OrganisationUnit[]>;
}

export function createContext(actor: Actor | null, em: EntityManager, deps: AccessDeps, req?: { headers: Record<string, unknown>; ip?: string; socket?: { remoteAddress?: string } }): Context {
  let viewer: Promise<Viewer | null> | undefined;
  const auth = req?.headers.authorization;
  const loaders = createLoaders(em);
  const authorization = typeof auth === 'string' ? auth : undefined;
  const today = deps.today();
  return {
    organisationUnits: new DataLoader(async (ids: readonly string[]) => {
      const found = await findOrganisationUnits(em, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    actor,
    em,
    loaders,
    deps,
    authorization,
    // Only the gateway's word counts (kit clientAddressOf); a client's X-Forwarded-For never does.
    ip: clientAddressOf(req),
    today,
    viewer: () => (viewer ??= resolveViewer(actor, loaders, deps.today())),
  };
}
