import { isAuthority, requireActor, type Actor } from '@behorig/kit/auth';
import { connection, pageArgs } from '@behorig/kit/db';
import { forbidden } from '@behorig/kit/errors';
import type { Context } from '../../context';
import DataLoader from 'dataloader';
import type { Access } from '../roles/rules/role-catalogue.data';
import type { PermissionScope } from '../scopes/rules/membership.rules';
import { findCheckRow, findScopeRows, findWhoCanPage, type ScopeAnswer, type WhoCanPersonRow } from './permission-index.store';
import { decisionFromFacts, scopesFromFacts, type IndexedDecision } from './rules/permission-index.rules';

/**
 * The questions the permission index answers (R-SCOPE-1…3), each in ONE SQL statement that also
 * reads what the policy needs about the caller (may they ask about this organisation?), so a check
 * costs one statement whoever asks. Policy: a person about themselves; holders of MANAGE_USERS in
 * the organisation (today) about its staff; a partner client whose credentials name MANAGE_USERS
 * about its own organisation; the authority about anyone.
 */

export interface IndexedCheckArgs {
  organisationId: string;
  unitId?: string | null;
  addressId?: string | null;
  function: string;
  access: Access;
  on?: string | null;
}

const callerPersonId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.personId : null);
const clientAdministers = (actor: Actor, organisationId: string) => actor.kind === 'client' && actor.organisationId === organisationId && actor.functions.includes('MANAGE_USERS');
/** R-SCOPE-2 for a person, with the policy's answer about the caller from the same statement. */
async function decideIndexed(ctx: Context, personId: string, args: IndexedCheckArgs): Promise<{ decision: IndexedDecision; callerAdministers: boolean }> {
  const actor = requireActor(ctx.actor);
  // The place (unit, office, closed) is read from access's own unit facts in the same statement.
  const row = await findCheckRow(ctx.em, {
    personId, organisationId: args.organisationId, unitId: args.unitId ?? null, addressId: args.addressId ?? null,
    function: args.function, access: args.access, on: args.on ?? ctx.today, callerPersonId: callerPersonId(actor), today: ctx.today,
  });
  return { decision: decisionFromFacts(args.organisationId, row), callerAdministers: row.callerAdministers };
}

/** checkAccess(personId, …): the person themselves, administrators of that organisation, the authority. */
export async function checkAccessIndexed(ctx: Context, personId: string, args: IndexedCheckArgs): Promise<IndexedDecision> {
  const actor = requireActor(ctx.actor);
  const { decision, callerAdministers } = await decideIndexed(ctx, personId, args);
  const self = actor.kind === 'person' && actor.personId === personId;
  if (!self && !callerAdministers && !isAuthority(actor) && !clientAdministers(actor, args.organisationId)) {
    throw forbidden('You may only check the access of staff in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
  }
  return decision;
}

/** myAccess: the caller's own decision (other subgraphs ask it with the caller's token). */
export async function myAccessIndexed(ctx: Context, args: IndexedCheckArgs): Promise<IndexedDecision> {
  const actor = requireActor(ctx.actor);
  const base = { organisationId: args.organisationId, roleCode: null, validFrom: null, validTo: null };
  if (isAuthority(actor)) return { ...base, allowed: true, reason: 'AUTHORITY' };
  if (actor.kind === 'client') {
    if (actor.organisationId !== args.organisationId) return { ...base, allowed: false, reason: 'PARTNER_CLIENT_OTHER_ORGANISATION' };
    const allowed = actor.functions.includes(args.function);
    return { ...base, allowed, reason: allowed ? 'PARTNER_CLIENT_GRANTED' : 'PARTNER_CLIENT_WITHOUT_FUNCTION' };
  }
  if (actor.kind === 'service' || !actor.personId) return { ...base, allowed: false, reason: actor.kind === 'service' ? 'SERVICE_ACTS_FOR_NO_ORGANISATION' : 'NOT_A_MEMBER' };
  return (await decideIndexed(ctx, actor.personId, args)).decision;
}

/**
 * R-SCOPE-1: the person's scopes on the day. The person themselves and the authority see all of
 * them; an administrator only those in the organisations they administer (FORBIDDEN when the
 * person is a member of none of those).
 */
export async function permissionScopesIndexed(ctx: Context, personId: string, on: string | null | undefined): Promise<PermissionScope[]> {
  const actor = requireActor(ctx.actor);
  const answer = await scopeLoader(ctx, on ?? ctx.today).load(personId);
  // The scopes' units and offices (PermissionScope.units/addresses) come from the same statement.
  for (const [organisationId, units] of answer.organisationUnits) ctx.organisationUnits.prime(organisationId, units);
  const self = actor.kind === 'person' && actor.personId === personId;
  if (self || isAuthority(actor)) return scopesFromFacts(answer.rows);
  if (actor.kind === 'client') {
    if (!actor.functions.includes('MANAGE_USERS')) throw forbidden('You may only see the permissions of staff in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
    return scopesFromFacts(answer.rows.filter((r) => r.organisationId === actor.organisationId));
  }
  if (!answer.memberWhereCallerAdministers) throw forbidden('You may only see the permissions of staff in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
  return scopesFromFacts(answer.rows.filter((r) => r.callerAdministers));
}

/** Per request and day: the scopes of every person a list asks about, in one statement per batch. */
const scopeLoaders = new WeakMap<Context, Map<string, DataLoader<string, ScopeAnswer>>>();
function scopeLoader(ctx: Context, on: string): DataLoader<string, ScopeAnswer> {
  let byDay = scopeLoaders.get(ctx);
  if (!byDay) scopeLoaders.set(ctx, (byDay = new Map()));
  let loader = byDay.get(on);
  if (!loader) {
    const caller = callerPersonId(requireActor(ctx.actor));
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = await findScopeRows(ctx.em, ids, on, caller, ctx.today);
      return ids.map((id) => found.get(id) ?? { rows: [], memberWhereCallerAdministers: false, organisationUnits: new Map() });
    });
    byDay.set(on, loader);
  }
  return loader;
}

export interface WhoCanArgs extends IndexedCheckArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * R-SCOPE-3: who may do the function at that level in the organisation (at the unit or office when
 * given) on the day — complete, in pages, in person-id order, one statement per page. The same
 * policy as checking someone else: the organisation's administrators and the authority.
 */
export async function whoCanIndexed(ctx: Context, args: WhoCanArgs) {
  const actor = requireActor(ctx.actor);
  const { limit, offset } = pageArgs(args.first, args.after);
  const page = await findWhoCanPage(ctx.em, {
    organisationId: args.organisationId, unitId: args.unitId ?? null, addressId: args.addressId ?? null,
    function: args.function, access: args.access, on: args.on ?? ctx.today, offset, limit, callerPersonId: callerPersonId(actor), today: ctx.today,
  });
  if (!page.callerAdministers && !isAuthority(actor) && !clientAdministers(actor, args.organisationId)) {
    throw forbidden('You may only ask who may do what in organisations where you manage users.', 'MANAGE_USERS_REQUIRED');
  }
  // A unit or office outside the organisation, or a closed unit, reaches nobody (the statement lists
  // nobody then: the answer checkAccess gives each person).
  for (const p of page.people) ctx.loaders.person.prime(p.id, p as never);
  return connection(page.people, offset, limit, page.totalCount);
}
