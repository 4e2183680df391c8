import { badInput, conflict, forbidden, notFound, ValidationError, isUuid } from '@behorig/kit/errors';
import { parsePersonalNumber, parsePersonName } from '@behorig/kit/identity';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import { type Actor } from '@behorig/kit/auth';
import { type PersonalNumberVault } from '@behorig/kit/vault';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context';
import { assertSignable, assertSigningTextFits } from './rules/change-set.rules';
import { digestOf, signingTextOf, type OpenedChange } from './rules/pending-change.rules';
import { validateStaffGrant, type StaffGrant } from '../scopes/rules/membership.rules';
import { validatePeriod } from '../memberships/rules/authorisation-period.rules';
import { wouldLeaveNoAdministrator, type AdministratorChange } from '../agreements/rules/last-administrator.rules';
import { optionalStaffEmail } from '../memberships/rules/email.rules';
import { unitActiveOn } from '../memberships/rules/membership-levels.rules';
import type { CatalogueRole } from '../roles/roles.store';
import { findPersonByHash } from '../people/people.store';
import { findKnownUnits } from '../unit-facts/unit-facts.store';
import { administratorPeriods, bumpVersion, isMember } from '../memberships/memberships.store';
import {
  changesOf, deletePendingChange, findChangeSet, findPendingChange, findPendingChangeOf, insertPendingChange, lockExistingOpenSet, lockOpenSet, openSetId,
  recordOrderRef, returnToDraft, returnToDraftIfSigning, staleChanges, startSigning, type ChangeFields, type ChangeSetRow, type PendingChangeRow,
} from './changes.store';
import { serviceUnavailable, toGraphQLError } from '../../errors';
import { SigningUnavailableError } from '../../clients/signing.client';
import { auditActor, maySign, requireManageUsers } from '../../policy/access.policy';

/**
 * Changes to sign (R-SIGN-1): proposals land in the organisation's open change set and take effect
 * only when the set is applied after a completed signature (change-set-apply.service.ts). Every
 * check runs before anything is written; the write and its audit event share one transaction.
 */

const SCHEMA = 'access';

export type { ChangeFields };

/** Pending changes with their sealed personal numbers opened: only for the digest and the signing text. */
export const openChanges = (vault: PersonalNumberVault, rows: readonly PendingChangeRow[]): OpenedChange[] =>
  rows.map((c) => ({ ...c, personalNumber: vault.open(c.personalNumberEnc) }));

/** Validated roles, units and period: R-USR-2…4, R-ORG-3, R-ORG-5, R-PERIOD-1…3. */
async function validateGrant(
  ctx: Context,
  organisationId: string,
  g: { roleCodes: readonly string[]; unitIds: readonly string[]; schoolFormCodes: readonly string[] | null; addressIds?: readonly string[] | null; validFrom: string; validTo: string | null },
  catalogue: ReadonlyMap<string, CatalogueRole>,
): Promise<StaffGrant> {
  // R-ORG-3: the units as access's unit facts have them (docs/architecture.md, "Unit facts").
  const knownUnits = await findKnownUnits(ctx.em, g.unitIds);
  const grant = validateStaffGrant({ roleCodes: g.roleCodes, unitIds: g.unitIds, schoolFormCodes: g.schoolFormCodes, addressIds: g.addressIds, knownUnits, organisationId, rolesByCode: catalogue });
  validatePeriod({ validFrom: g.validFrom, validTo: g.validTo, roles: grant.roleCodes.map((c) => catalogue.get(c)!) }, ctx.today, 'input');
  return grant;
}

/**
 * The open set of the organisation, created when missing, locked for this transaction. An edit
 * while signing is under way returns the set to DRAFT: that signing no longer matches (R-SIGN-4),
 * so its BankID order is cancelled and the return is an audit event (R-SIGN-7).
 */
async function openDraft(tx: EntityManager, ctx: Context, organisationId: string): Promise<ChangeSetRow> {
  const open = await lockOpenSet(tx, organisationId);
  if (open.status === 'SIGNING') {
    await returnToDraft(tx, open.id);
    await writeOutboxEvent(tx, SCHEMA, {
      actor: await auditActor(ctx), organisationId, action: 'access.changes.signing_failed', target: `change_set:${open.id}`,
      after: { changeSetId: open.id, digest: open.signingDigest, orderRef: open.orderRef, reason: 'CHANGES_EDITED' },
    });
    // The phone must not keep offering a signature that no longer covers the changes. Should the
    // cancel not get through, the order can at most complete into a refused apply (not_signing).
    if (open.orderRef) await ctx.deps.signing.cancelSignOrder(open.orderRef).catch(() => undefined);
  }
  return (await findChangeSet(tx, open.id))!;
}

/**
 * R-SIGN-7: the signing service reports that the BankID order of a set being signed ended without
 * a signature (failed, cancelled, expired). The set returns to DRAFT with its changes, with an
 * audit event naming the reason, so it can be signed again. Only the signing that is still under
 * way (same digest, same order) is ended; a late report about an older order changes nothing.
 */
export async function endSigning(em: EntityManager, changeSetId: string, ended: { orderRef: string; digest: string; reason: string }): Promise<{ returnedToDraft: boolean }> {
  return em.fork().transactional(async (tx) => {
    const set = await returnToDraftIfSigning(tx, changeSetId, ended.digest, ended.orderRef);
    if (!set) return { returnedToDraft: false };
    await writeOutboxEvent(tx, SCHEMA, {
      actor: { kind: 'service', service: 'signing' }, organisationId: set.organisationId, action: 'access.changes.signing_failed', target: `change_set:${set.id}`,
      after: { changeSetId: set.id, digest: ended.digest, orderRef: ended.orderRef, reason: ended.reason },
    });
    return { returnedToDraft: true };
  });
}

/** One pending change per person and set: a new proposal for the same person replaces the old one (editable drafts). */
async function putChange(ctx: Context, organisationId: string, fields: ChangeFields, action: string, expectedVersion?: number | null): Promise<PendingChangeRow> {
  return ctx.em.transactional((tx) => putChangeIn(tx, ctx, organisationId, fields, action, expectedVersion));
}

/** `putChange` inside the caller's transaction (R-SIGN-8: a period change that extends access proposes instead of applying). */
export async function putChangeIn(tx: EntityManager, ctx: Context, organisationId: string, fields: ChangeFields, action: string, expectedVersion?: number | null): Promise<PendingChangeRow> {
  const set = await openDraft(tx, ctx, organisationId);
  // Optimistic locking: the proposal itself is a write concerning the person; with an expected
  // version it only succeeds if nobody wrote since the caller read (the row lock serialises racers).
  const baseVersion = fields.kind === 'NEW' || !fields.personId ? null : await requireVersionBump(tx, organisationId, fields.personId, expectedVersion);
  const previous = await findPendingChangeOf(tx, set.id, fields.personalNumberHash);
  if (previous) await deletePendingChange(tx, previous.id);
  const change = await insertPendingChange(tx, set.id, fields, baseVersion);
  await writeOutboxEvent(tx, SCHEMA, {
    actor: await auditActor(ctx),
    organisationId,
    action,
    target: `person:${fields.personId ?? fields.birthDate}`,
    before: previous ? { changeId: previous.id, kind: previous.kind } : undefined,
    after: { changeSetId: set.id, changeId: change.id, kind: change.kind, roleCodes: change.roleCodes, unitIds: change.unitIds, validFrom: change.validFrom, validTo: change.validTo },
  });
  return change;
}

/**
 * Increments the person's membership version in the organisation (inside the caller's transaction)
 * and returns the new value; CONFLICT when `expected` is given and no longer current.
 */
export async function requireVersionBump(tx: EntityManager, organisationId: string, personId: string, expected?: number | null): Promise<number> {
  const version = await bumpVersion(tx, organisationId, personId, expected);
  if (version === null) {
    throw expected === undefined || expected === null
      ? notFound('That person does not work in this organisation.', 'PERSON_NOT_STAFF')
      : conflict(`Someone else changed this person meanwhile (you edited version ${expected}); reload and try again.`, 'EDITED_MEANWHILE');
  }
  return version;
}

/**
 * R-SIGN-8 for R-PERIOD-4: the fields of a CHANGED proposal that gives the person a later end date.
 * It builds on the person's pending change in the open set when there is one (so an earlier proposal
 * is not lost), otherwise on their current state. A pending removal is refused (BAD_USER_INPUT).
 */
export async function laterEndDateChange(ctx: Context, organisationId: string, personId: string, validTo: string): Promise<ChangeFields> {
  const cur = await currentState(ctx, organisationId, personId);
  const open = await openSetId(ctx.em, organisationId);
  const pending = open ? await findPendingChangeOf(ctx.em, open, cur.person.personalNumberHash) : null;
  if (pending?.kind === 'REMOVED') {
    throw badInput('personIds', `No end date was changed. ${cur.person.givenName} ${cur.person.surname} has a removal waiting for signature; discard it first.`, 'REMOVAL_WAITING_FOR_SIGNATURE');
  }
  const base = pending
    ? { email: pending.email ?? null, roleCodes: pending.roleCodes, unitIds: pending.unitIds, schoolFormCodes: pending.schoolFormCodes ?? null, unitGrants: pending.unitGrants, validFrom: pending.validFrom }
    : { email: cur.membership.email ?? null, roleCodes: cur.roleCodes, unitIds: cur.unitIds, schoolFormCodes: cur.schoolFormCodes, unitGrants: cur.unitGrants, validFrom: cur.validFrom };
  return {
    kind: 'CHANGED',
    personId,
    ...identityOf(cur.person),
    ...base,
    validTo,
  };
}

export interface StaffInputArgs {
  personalNumber: string; givenName: string; surname: string; email?: string | null;
  roleCodes: string[]; unitIds: string[]; validFrom: string; validTo?: string | null; schoolFormCodes?: string[] | null;
  /** R-USR-2 level two: offices of the chosen units (null = all of them). */
  addressIds?: string[] | null;
}

/**
 * R-SIGN-1, R-USR-1…4, R-ROLE-3, R-PERIOD-1…3: a NEW staff member, pending signature. R-ROLE-3: an
 * administrator gives any combination of catalogue roles, also roles they do not hold themselves.
 */
export async function proposeStaff(ctx: Context, organisationId: string, input: StaffInputArgs): Promise<PendingChangeRow> {
  await requireManageUsers(ctx, organisationId);
  const pnr = parsePersonalNumber(input.personalNumber, 'input.personalNumber', ctx.today);
  // R-SIGN-6: plain names only, so no name can fake or hide a line of the signing text.
  const givenName = parsePersonName(input.givenName, 'input.givenName', 'The given name');
  const surname = parsePersonName(input.surname, 'input.surname', 'The surname');
  const email = optionalStaffEmail(input.email, 'input.email');
  const catalogue = await ctx.loaders.catalogue();
  const validTo = input.validTo ?? null;
  const grant = await validateGrant(ctx, organisationId, { roleCodes: input.roleCodes, unitIds: input.unitIds, schoolFormCodes: input.schoolFormCodes ?? null, addressIds: input.addressIds ?? null, validFrom: input.validFrom, validTo }, catalogue);
  const sealed = ctx.deps.vault.seal(pnr.canonical);
  const existing = await findPersonByHash(ctx.em, sealed.hash);
  if (existing && (await isMember(ctx.em, existing.id, organisationId))) {
    throw badInput('input.personalNumber', `${existing.givenName} ${existing.surname} already works here; propose a change instead (proposeStaffChange).`, 'ALREADY_STAFF');
  }
  // R-USR-5: a person already known elsewhere is proposed with exactly what the proposer typed —
  // no id, name or e-mail of theirs is revealed; apply finds them by the number's keyed hash.
  return putChange(ctx, organisationId, {
    kind: 'NEW',
    personId: null,
    personalNumberHash: sealed.hash,
    personalNumberEnc: sealed.ciphertext,
    givenName,
    surname,
    birthDate: pnr.birthDate,
    email: email || null,
    roleCodes: grant.roleCodes,
    unitIds: grant.units.map((u) => u.unitId),
    schoolFormCodes: input.schoolFormCodes && input.schoolFormCodes.length > 0 ? [...new Set(input.schoolFormCodes)] : null,
    unitGrants: grant.units,
    validFrom: input.validFrom,
    validTo,
  }, 'access.change.proposed');
}

/** The person's current state in the organisation (level 2 and 3), for changes and removals. */
async function currentState(ctx: Context, organisationId: string, personId: string) {
  const person = isUuid(personId) ? await ctx.loaders.person.load(personId) : null;
  const membership = person ? (await ctx.loaders.membershipsByPerson.load(person.id)).find((m) => m.organisationId === organisationId) : undefined;
  if (!person || !membership) throw notFound('That person does not work in this organisation.', 'PERSON_NOT_STAFF');
  const [units, roles] = await Promise.all([ctx.loaders.unitsByMembership.load(membership.id), ctx.loaders.rolesByMembership.load(membership.id)]);
  const liveUnits = units.filter((u) => unitActiveOn(u, ctx.today));
  const liveRoles = roles.filter((r) => !r.validTo || r.validTo >= ctx.today);
  const unitIds = [...new Set(liveUnits.map((u) => u.unitId))];
  const forms = liveUnits.some((u) => !u.schoolFormCode) ? null : [...new Set(liveUnits.map((u) => u.schoolFormCode as string))];
  const unitGrants = unitIds.map((unitId) => {
    const rows = liveUnits.filter((u) => u.unitId === unitId);
    const offices = rows.find((r) => r.addressIds && r.addressIds.length > 0)?.addressIds;
    const grant = { unitId, schoolFormCodes: rows.some((r) => !r.schoolFormCode) ? null : rows.map((r) => r.schoolFormCode as string).sort() };
    return offices ? { ...grant, addressIds: [...offices].sort() } : grant;
  });
  const validFrom = liveRoles.map((r) => r.validFrom).sort()[0] ?? ctx.today;
  const validTo = liveRoles.some((r) => !r.validTo) ? null : (liveRoles.map((r) => r.validTo as string).sort().at(-1) ?? null);
  return { person, membership, roleCodes: [...new Set(liveRoles.map((r) => r.roleCode))], unitIds, schoolFormCodes: forms && forms.length > 0 ? forms : null, unitGrants, validFrom, validTo };
}

/** R-AGR-3, checked early for a friendly refusal; apply checks again under the organisation lock. */
async function refuseIfLastAdministrator(ctx: Context, organisationId: string, change: AdministratorChange | AdministratorChange[]): Promise<void> {
  const admins = await administratorPeriods(ctx.em, organisationId);
  if (wouldLeaveNoAdministrator(admins, change, ctx.today)) {
    throw conflict('The organisation must always have a permission administrator; appoint another one first (R-AGR-3).', 'LAST_ADMINISTRATOR');
  }
}

export interface StaffChangeArgs { email?: string | null; roleCodes?: string[] | null; unitIds?: string[] | null; schoolFormCodes?: string[] | null; addressIds?: string[] | null; validFrom?: string | null; validTo?: string | null }

/** R-SIGN-1: a CHANGED staff member (the whole new state), pending signature. */
export async function proposeStaffChange(ctx: Context, organisationId: string, personId: string, input: StaffChangeArgs, expectedVersion?: number | null): Promise<PendingChangeRow> {
  await requireManageUsers(ctx, organisationId);
  const cur = await currentState(ctx, organisationId, personId);
  const email = input.email === undefined ? (cur.membership.email ?? null) : optionalStaffEmail(input.email, 'input.email');
  const catalogue = await ctx.loaders.catalogue();
  const roleCodes = input.roleCodes ?? cur.roleCodes;
  const unitIds = input.unitIds ?? cur.unitIds;
  const schoolFormCodes = input.schoolFormCodes !== undefined && input.schoolFormCodes !== null ? input.schoolFormCodes : input.unitIds ? null : cur.schoolFormCodes;
  const validFrom = input.validFrom ?? cur.validFrom;
  const validTo = 'validTo' in input ? (input.validTo ?? null) : cur.validTo;
  // R-USR-2 level two: offices given = those; omitted = as now (unless the units change: then all offices).
  const currentOffices = cur.unitGrants.flatMap((u) => ('addressIds' in u && u.addressIds ? u.addressIds : []));
  const addressIds = input.addressIds !== undefined ? (input.addressIds ?? null) : input.unitIds ? null : currentOffices.length > 0 ? currentOffices : null;
  const grant = await validateGrant(ctx, organisationId, { roleCodes, unitIds, schoolFormCodes, addressIds, validFrom, validTo }, catalogue);
  const isAdmin = (codes: readonly string[]) => codes.some((c) => catalogue.get(c)?.isPermissionAdmin);
  if (isAdmin(cur.roleCodes) && !isAdmin(grant.roleCodes)) await refuseIfLastAdministrator(ctx, organisationId, { kind: 'REMOVE', personId });
  return putChange(ctx, organisationId, {
    kind: 'CHANGED',
    personId,
    ...identityOf(cur.person),
    email,
    roleCodes: grant.roleCodes,
    unitIds: grant.units.map((u) => u.unitId),
    schoolFormCodes: schoolFormCodes && schoolFormCodes.length > 0 ? [...new Set(schoolFormCodes)] : null,
    unitGrants: grant.units,
    validFrom,
    validTo,
  }, 'access.change.proposed', expectedVersion);
}

/** R-SIGN-1: REMOVED, pending signature; refused at once when it would leave no administrator (R-AGR-3). */
export async function proposeStaffRemoval(ctx: Context, organisationId: string, personId: string, expectedVersion?: number | null): Promise<PendingChangeRow> {
  await requireManageUsers(ctx, organisationId);
  const cur = await currentState(ctx, organisationId, personId);
  await refuseIfLastAdministrator(ctx, organisationId, { kind: 'REMOVE', personId });
  return putChange(ctx, organisationId, {
    kind: 'REMOVED',
    personId,
    ...identityOf(cur.person),
    email: cur.membership.email ?? null,
    roleCodes: cur.roleCodes,
    unitIds: cur.unitIds,
    schoolFormCodes: cur.schoolFormCodes,
    unitGrants: cur.unitGrants,
    validFrom: cur.validFrom,
    validTo: cur.validTo,
  }, 'access.change.proposed', expectedVersion);
}

/** R-SIGN-1: drafts stay deletable; discarding during signing invalidates that signing (R-SIGN-4). */
export async function discardPendingChange(ctx: Context, changeId: string): Promise<ChangeSetRow> {
  const change = await findPendingChange(ctx.em, changeId);
  const set = change ? await findChangeSet(ctx.em, change.changeSetId) : null;
  if (!change || !set) throw notFound('There is no such pending change.', 'CHANGE_NOT_FOUND');
  await requireManageUsers(ctx, set.organisationId);
  if (set.status !== 'DRAFT' && set.status !== 'SIGNING') throw conflict(`The change set is ${set.status}; its changes can no longer be discarded (R-SIGN-4).`, 'NOT_A_DRAFT');
  return ctx.em.transactional(async (tx) => {
    const draft = await openDraft(tx, ctx, set.organisationId);
    if (draft.id !== set.id) throw conflict('The change set changed meanwhile; reload and try again.', 'EDITED_MEANWHILE');
    await deletePendingChange(tx, change.id);
    // Whoever edited on top of the discarded change must reload (the person's pending state changed).
    if (change.personId) await bumpVersion(tx, set.organisationId, change.personId);
    await writeOutboxEvent(tx, SCHEMA, {
      actor: await auditActor(ctx), organisationId: set.organisationId, action: 'access.change.discarded', target: `person:${change.personId ?? change.birthDate}`,
      before: { changeSetId: set.id, changeId: change.id, kind: change.kind }, after: null,
    });
    return draft;
  });
}

/**
 * R-SIGN-2: freezes the digest of the DRAFT set (status SIGNING) and asks the signing service to
 * start a BankID sign order for the caller with the Swedish text. When BankID cannot be reached the
 * set goes back to DRAFT with every change intact and the answer is SERVICE_UNAVAILABLE.
 */
export async function signChanges(ctx: Context, organisationId: string): Promise<{ __typename: 'SigningOrder'; orderRef: string }> {
  const power = await requireManageUsers(ctx, organisationId);
  const actor = ctx.actor as Actor;
  if (actor.kind !== 'person') throw forbidden('Only a person can sign with BankID.', 'PERSON_REQUIRED');
  // R-ROLE-3: the signature must come from someone the apply will accept; an order that can only
  // be refused is never started.
  if (!maySign(power)) throw forbidden('Only a permission administrator of the organisation (Hantera användare) can sign its changes.', 'SIGNER_NOT_ADMINISTRATOR');
  const catalogue = await ctx.loaders.catalogue();
  const frozen = await ctx.em.transactional(async (tx) => {
    const open = await lockExistingOpenSet(tx, organisationId);
    const changes = open ? openChanges(ctx.deps.vault, await changesOf(tx, open.id)) : [];
    if (!open) throw badInput('organisationId', 'There are no changes to sign.', 'NOTHING_TO_SIGN');
    try {
      assertSignable(open.status, changes.length);
    } catch (e) {
      throw toGraphQLError(e);
    }
    const stale = await staleChanges(tx, organisationId, open.id);
    if (stale.length > 0) {
      throw conflict(`Someone changed ${stale.map((s) => `${s.givenName} ${s.surname}`).join(', ')} after these changes were proposed; discard and propose them again.`, 'CHANGED_AFTER_PROPOSAL');
    }
    const set = { id: open.id, organisationId };
    const digest = digestOf(set, changes);
    // R-SIGN-6: the text lists exactly the changes the digest covers, or signing does not start.
    const text = signingTextOf(changes, catalogue);
    try {
      assertSigningTextFits(text);
    } catch (e) {
      if (e instanceof ValidationError) throw badInput(e.field, e.message, e.reason);
      throw e;
    }
    await startSigning(tx, open.id, digest);
    await writeOutboxEvent(tx, SCHEMA, { actor: await auditActor(ctx), organisationId, action: 'access.changes.signing_started', target: `change_set:${open.id}`, after: { changeSetId: open.id, digest, changes: changes.length } });
    return { id: open.id, digest, text };
  });
  try {
    const { orderRef } = await ctx.deps.signing.startSignOrder(
      { organisationId, changeSetId: frozen.id, digest: frozen.digest, userVisibleData: frozen.text, endUserIp: ctx.ip },
      ctx.authorization,
    );
    await recordOrderRef(ctx.em, frozen.id, orderRef);
    return { __typename: 'SigningOrder', orderRef };
  } catch (e) {
    // The signature never started: the drafts stay as they were, ready for another attempt. The
    // audit log is append-only, so the attempt that began is closed by its own event, written in
    // the same transaction as the status going back to DRAFT.
    const reason = e instanceof Error ? e.message : String(e);
    await ctx.em.transactional(async (tx) => {
      const reverted = await returnToDraftIfSigning(tx, frozen.id, frozen.digest, null);
      if (reverted) {
        await writeOutboxEvent(tx, SCHEMA, { actor: await auditActor(ctx), organisationId, action: 'access.changes.signing_failed', target: `change_set:${frozen.id}`, after: { changeSetId: frozen.id, digest: frozen.digest, reason } });
      }
    });
    if (e instanceof SigningUnavailableError) throw serviceUnavailable(e.message, 'SIGNING_SERVICE_UNAVAILABLE');
    throw e;
  }
}

/** The person-identity fields a change about a known person carries: the identity row as it is (R-USR-5). */
function identityOf(p: { personalNumberHash: string; personalNumberEnc: string; givenName: string; surname: string; birthDate: string }) {
  return { personalNumberHash: p.personalNumberHash, personalNumberEnc: p.personalNumberEnc, givenName: p.givenName, surname: p.surname, birthDate: p.birthDate };
}
