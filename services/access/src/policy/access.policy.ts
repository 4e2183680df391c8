import { forbidden } from '@behorig/kit/errors';
import { isAuthority, requireActor, type Actor } from '@behorig/kit/auth';
import type { Context, Loaders } from '../context';
import { holdsFunction } from '../modules/roles/rules/access-level.rules';
import type { Access } from '../modules/roles/rules/role-catalogue.data';
import { isActiveOn } from '../modules/memberships/rules/authorisation-period.rules';
import type { Membership as DomainMembership } from '../modules/scopes/rules/membership.rules';
import type { MembershipRow } from '../modules/memberships/memberships.store';
import type { PersonRow } from '../modules/people/people.store';
import type { CatalogueRole } from '../modules/roles/roles.store';
import { loadDomainMemberships, personDomainMemberships } from '../modules/memberships/memberships.service';

/**
 * The one place where the access subgraph decides who may do what (docs/security.md, R-AUTH-4):
 * root fields, nested fields, entity references (`__resolveReference`), mutations and services all
 * ask the functions below, so the same object gives the same answer to the same caller however it
 * is reached. Everything reads through the request's DataLoaders and is memoised per request.
 */

export interface Viewer {
  actor: Actor;
  /** The signed-in person's row id, when the actor is a person known here. */
  personId: string | null;
  /**
   * Organisations in which the viewer holds a role active today (R-PERIOD-1: an ended or not yet
   * started membership reads nothing about colleagues). A partner client: its one organisation.
   */
  organisationIds: Set<string>;
}

/** Who is asking (resolved once per request by the context, on first use). */
export async function resolveViewer(actor: Actor | null, loaders: Loaders, today: string): Promise<Viewer | null> {
  if (!actor) return null;
  if (actor.kind !== 'person') return { actor, personId: null, organisationIds: new Set(actor.kind === 'client' ? [actor.organisationId] : []) };
  // Tokens name the person by id only (never by personal number); authority staff may have none.
  const person = actor.personId ? await loaders.person.load(actor.personId) : null;
  if (!person) return { actor, personId: null, organisationIds: new Set() };
  const memberships = await loaders.membershipsByPerson.load(person.id);
  const roles = await loaders.rolesByMembership.loadMany(memberships.map((m) => m.id));
  const active = memberships.filter((_m, i) => (roles[i] as { validFrom: string; validTo: string | null }[]).some((r) => isActiveOn({ validFrom: r.validFrom, validTo: r.validTo }, today)));
  return { actor, personId: person.id, organisationIds: new Set(active.map((m) => m.organisationId)) };
}

// ---------------------------------------------------------------------------------------------
// Reading people and agreements (R-AUTH-4, R-AUTH-3, R-AGR-1)
// ---------------------------------------------------------------------------------------------

/** Organisations whose members the viewer may read. */
function visibleOrganisations(viewer: Viewer): Set<string> {
  if (viewer.actor.kind === 'client') return viewer.actor.functions.includes('MANAGE_USERS') ? viewer.organisationIds : new Set();
  if (viewer.actor.kind === 'service') return new Set();
  return viewer.organisationIds;
}

/**
 * The one read policy for people (the `person` root field, nested fields and the `Person` entity
 * reference all ask this). A person is visible to themselves, to the authority, to people with a
 * role active today in an organisation the person belongs to (R-PERIOD-1: an ended membership sees
 * nobody), and to a partner client only with MANAGE_USERS in its one organisation (R-AUTH-3: a
 * client reads exactly what its functions allow).
 */
export async function canSeePerson(ctx: Context, personId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  if (!viewer) return false;
  if (isAuthority(viewer.actor) || viewer.personId === personId) return true;
  const orgs = visibleOrganisations(viewer);
  if (orgs.size === 0) return false;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => orgs.has(m.organisationId));
}

/** Memberships the viewer may see: all of their own (or the authority's view), else those in shared organisations. */
export async function visibleMemberships(ctx: Context, personId: string): Promise<MembershipRow[]> {
  const [viewer, memberships] = await Promise.all([ctx.viewer(), ctx.loaders.membershipsByPerson.load(personId)]);
  if (!viewer) return [];
  if (isAuthority(viewer.actor) || viewer.personId === personId) return memberships;
  const orgs = visibleOrganisations(viewer);
  return memberships.filter((m) => orgs.has(m.organisationId));
}

/**
 * R-AGR-1 (one policy for `Organisation.agreement` and the `Agreement` reference): the authority,
 * people with a role active today in the organisation, and its partner clients holding
 * MANAGE_USERS (an agreement names the starting administrator: people data, R-AUTH-3).
 */
export async function maySeeAgreementOf(ctx: Context, organisationId: string): Promise<boolean> {
  const viewer = await ctx.viewer();
  if (!viewer) return false;
  return isAuthority(viewer.actor) || visibleOrganisations(viewer).has(organisationId);
}

/** R-AGR-2: only the authority registers and activates access agreements. */
export function requireAuthority(ctx: Context): void {
  if (!isAuthority(requireActor(ctx.actor))) throw forbidden('Only the authority handles access agreements (R-AGR-2).', 'AUTHORITY_ONLY');
}

// ---------------------------------------------------------------------------------------------
// Managing users (R-ROLE-3) and reading personal numbers (R-USR-1)
// ---------------------------------------------------------------------------------------------

const administered = new WeakMap<Context, Map<Access, Promise<Set<string> | 'ALL'>>>();

/**
 * The organisations in which the caller holds MANAGE_USERS at `access` today (READ: may read other
 * people's permissions; UPDATE: may manage them and see their personal numbers), or 'ALL'.
 * Computed once per request and access level, however many people a list asks about.
 */
export function organisationsViewerAdministers(ctx: Context, access: Access = 'READ'): Promise<Set<string> | 'ALL'> {
  let memo = administered.get(ctx);
  if (!memo) administered.set(ctx, (memo = new Map()));
  let found = memo.get(access);
  if (!found) memo.set(access, (found = computeAdministered(ctx, access)));
  return found;
}

async function computeAdministered(ctx: Context, access: Access): Promise<Set<string> | 'ALL'> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return 'ALL';
  if (actor.kind === 'client') return new Set(actor.functions.includes('MANAGE_USERS') ? [actor.organisationId] : []);
  const viewer = await ctx.viewer();
  if (!viewer?.personId) return new Set();
  const [mine, catalogue] = await Promise.all([personDomainMemberships(ctx.loaders, viewer.personId, ctx.today), ctx.loaders.catalogue()]);
  const result = new Set<string>();
  for (const m of mine) {
    const roles = m.roles.filter((r) => isActiveOn(r, ctx.today)).map((r) => catalogue.get(r.roleCode)).filter((r): r is CatalogueRole => !!r);
    if (holdsFunction(roles, 'MANAGE_USERS', access)) result.add(m.organisationId);
  }
  return result;
}

/**
 * Who may read a person's full personal identity number (R-USR-1): the person themselves, the
 * authority, and whoever may MANAGE that person — MANAGE_USERS UPDATE in one of the organisations
 * the person belongs to (a partner client by its token's MANAGE_USERS, as for every other
 * MANAGE_USERS check). Readers with MANAGE_USERS READ see the birth date only.
 */
export async function mayReadPersonalNumber(ctx: Context, personId: string): Promise<boolean> {
  if (!ctx.actor) return false;
  if (isAuthority(ctx.actor)) return true;
  const viewer = await ctx.viewer();
  if (viewer?.personId === personId) return true;
  const managed = await organisationsViewerAdministers(ctx, 'UPDATE');
  if (managed === 'ALL') return true;
  if (managed.size === 0) return false;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => managed.has(m.organisationId));
}

/** The decrypted number for those allowed, else null: the ciphertext is opened only after the check. */
export async function personalNumberFor(ctx: Context, person: Pick<PersonRow, 'id' | 'personalNumberEnc'>): Promise<string | null> {
  return (await mayReadPersonalNumber(ctx, person.id)) ? ctx.deps.vault.open(person.personalNumberEnc) : null;
}

/**
 * R-USR-5: `personByNumber` finds only members of the organisation asked about — no look-up oracle
 * for people elsewhere. The authority finds everyone.
 */
export async function mayFindByNumber(ctx: Context, personId: string, organisationId: string): Promise<boolean> {
  if (isAuthority(ctx.actor)) return true;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => m.organisationId === organisationId);
}

/** What the caller may do in one organisation today. */
export interface ActorPower {
  authority: boolean;
  client: boolean;
  personId: string | null;
  /** The caller's role assignments active today in the organisation (empty for the authority and clients). */
  roles: CatalogueRole[];
  /** The caller's own membership there (level 1 to 3), when a member. */
  membership: DomainMembership | null;
}

export async function actorPower(ctx: Context, organisationId: string): Promise<ActorPower> {
  const actor = requireActor(ctx.actor);
  if (isAuthority(actor)) return { authority: true, client: false, personId: null, roles: [], membership: null };
  if (actor.kind === 'client') return { authority: false, client: true, personId: null, roles: [], membership: null };
  const viewer = await ctx.viewer();
  if (!viewer?.personId || !viewer.organisationIds.has(organisationId)) return { authority: false, client: false, personId: viewer?.personId ?? null, roles: [], membership: null };
  const memberships = (await ctx.loaders.membershipsByPerson.load(viewer.personId)).filter((m) => m.organisationId === organisationId);
  const [domain] = await loadDomainMemberships(ctx.loaders, memberships, ctx.today);
  const catalogue = await ctx.loaders.catalogue();
  const roles = domain.roles.filter((r) => isActiveOn(r, ctx.today)).map((r) => catalogue.get(r.roleCode)).filter((r): r is CatalogueRole => r !== undefined);
  return { authority: false, client: false, personId: viewer.personId, roles, membership: domain };
}

/** Does the caller hold `fn` at `access` in the organisation today? (The authority always; a client by its token.) */
export function powerHolds(ctx: Context, power: ActorPower, organisationId: string, fn: string, access: Access): boolean {
  if (power.authority) return true;
  const actor = ctx.actor;
  if (actor?.kind === 'client') return actor.organisationId === organisationId && actor.functions.includes(fn);
  return holdsFunction(power.roles, fn, access);
}

/**
 * R-ROLE-3: only holders of "Hantera användare" (MANAGE_USERS) in the organisation manage its
 * users; the authority may everywhere. Throws FORBIDDEN otherwise.
 */
export async function requireManageUsers(ctx: Context, organisationId: string, access: Access = 'UPDATE'): Promise<ActorPower> {
  const power = await actorPower(ctx, organisationId);
  if (!powerHolds(ctx, power, organisationId, 'MANAGE_USERS', access)) {
    throw forbidden(`You need the permission "Hantera användare" (MANAGE_USERS ${access}) in this organisation (R-ROLE-3).`, 'MANAGE_USERS_REQUIRED');
  }
  return power;
}

/** R-END-3: the caller is responsible for the organisation's staff (a responsible role, or the authority). */
export const isResponsible = (power: ActorPower): boolean => power.authority || power.roles.some((r) => r.isResponsible);

// ---------------------------------------------------------------------------------------------
// Signing changes (R-ROLE-3, R-SIGN-3)
// ---------------------------------------------------------------------------------------------

/** R-ROLE-3: may this caller sign the organisation's changes? A member person with MANAGE_USERS UPDATE today. */
export const maySign = (power: ActorPower): boolean => !power.authority && !power.client && holdsFunction(power.roles, 'MANAGE_USERS', 'UPDATE');

/**
 * R-ROLE-3 at apply time: the signer named by a receipt may apply the organisation's changes only
 * while one of their roles there active on `today` holds MANAGE_USERS UPDATE.
 */
export function signerMayApply(roles: readonly { roleCode: string; validFrom: string; validTo: string | null }[], catalogue: ReadonlyMap<string, CatalogueRole>, today: string): boolean {
  const active = roles.filter((r) => isActiveOn({ validFrom: r.validFrom, validTo: r.validTo }, today)).map((r) => catalogue.get(r.roleCode)).filter((r): r is CatalogueRole => !!r);
  return holdsFunction(active, 'MANAGE_USERS', 'UPDATE');
}

/**
 * The actor as audit events name it (kit actorLabel): a person by their id. Tokens carry the id
 * (never a personal number), so only authority staff without a person row are named by role.
 */
export function auditActor(ctx: Context): Promise<Actor | null> {
  return Promise.resolve(ctx.actor);
}
