import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { clientAddressOf, type Actor, type PersonalNumberVault, type ReceiptVerifier } from '@behorig/kit';
import { createLoaders, type Loaders } from './loaders';
import type { RoleAssignmentRow } from './entities/membership.entity';
import { isActiveOn } from './domain';
import type { OrganisationUnit, ReferenceCache, UnitDirectory } from './unit-directory';
import type { SigningClient } from './signing-client';

/** Collaborators fixed when the server is built (tests swap them for doubles). */
export interface AccessDeps {
  directory: UnitDirectory;
  /** Unit owners and organisation names for access decisions, cached per process. */
  references: ReferenceCache;
  signing: SigningClient;
  /** Today's Europe/Stockholm date: injectable so R-PERIOD-2 can be tested on any day. */
  today: () => string;
  verifyReceipt: ReceiptVerifier;
  /** Seals and opens personal numbers (kit personal-number-vault); look-ups go by its hash. */
  vault: PersonalNumberVault;
}

export interface Viewer {
  actor: Actor;
  /** The signed-in person's row id, when the actor is a person known here. */
  personId: string | null;
  /**
   * Organisations in which the viewer holds a role active today (finding 6: an ended or not yet
   * started membership reads nothing about colleagues). A partner client: its one organisation.
   */
  organisationIds: Set<string>;
}

/** Per request: the verified actor, ONE EntityManager fork, fresh DataLoaders. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  deps: AccessDeps;
  /** The caller's Authorization header, forwarded to the organisations and signing services. */
  authorization?: string;
  /** The caller's IP (BankID wants the end user's address). */
  ip: string;
  /** Today, fixed for the whole request. */
  today: string;
  /** Resolved once per request, on first use. */
  viewer: () => Promise<Viewer | null>;
  /** Every unit of an organisation with its current offices, asked of the organisations subgraph once per request and batch (R-USR-3, R-USR-2). */
  organisationUnits: DataLoader<string, OrganisationUnit[]>;
}

export function createContext(actor: Actor | null, em: EntityManager, deps: AccessDeps, req?: { headers: Record<string, unknown>; ip?: string; socket?: { remoteAddress?: string } }): Context {
  let viewer: Promise<Viewer | null> | undefined;
  const auth = req?.headers.authorization;
  const loaders = createLoaders(em);
  const authorization = typeof auth === 'string' ? auth : undefined;
  return {
    organisationUnits: new DataLoader(async (ids: readonly string[]) => {
      const found = await deps.directory.organisationUnits(ids, authorization);
      return ids.map((id) => found.get(id) ?? []);
    }),
    actor,
    em,
    loaders,
    deps,
    authorization,
    // Only the gateway's word counts (kit clientAddressOf); a client's X-Forwarded-For never does.
    ip: clientAddressOf(req),
    today: deps.today(),
    viewer: () =>
      (viewer ??= (async () => {
        if (!actor) return null;
        if (actor.kind !== 'person') return { actor, personId: null, organisationIds: new Set(actor.kind === 'client' ? [actor.organisationId] : []) };
        // Tokens name the person by id only (never by personal number); authority staff may have none.
        const person = actor.personId ? await loaders.person.load(actor.personId) : null;
        if (!person) return { actor, personId: null, organisationIds: new Set() };
        const memberships = await loaders.membershipsByPerson.load(person.id);
        const roles = await loaders.rolesByMembership.loadMany(memberships.map((m) => m.id));
        const today = deps.today();
        const active = memberships.filter((_m, i) => (roles[i] as RoleAssignmentRow[]).some((r) => isActiveOn({ validFrom: r.validFrom, validTo: r.validTo ?? null }, today)));
        return { actor, personId: person.id, organisationIds: new Set(active.map((m) => m.organisationId)) };
      })()),
  };
}
