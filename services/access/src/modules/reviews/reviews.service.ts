import { requireActor, type Actor } from '@behorig/kit/auth';
import { badInput, conflict, forbidden, isUuid, notFound, ValidationError } from '@behorig/kit/errors';
import { actorLabel, writeOutboxEvent } from '@behorig/kit/outbox';
import { createHash } from 'node:crypto';
import type { ReceiptVerifier } from '@behorig/kit/receipt';
import type { Logger } from '@behorig/kit/server';
import type { PersonalNumberVault } from '@behorig/kit/vault';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SigningClient } from '../../clients/signing.client';
import type { Context } from '../../context';
import { requireManageUsers } from '../../policy/access.policy';
import { administratorPeriods, bumpVersionById, lockOrganisation } from '../memberships/memberships.store';
import { unitActiveOn } from '../memberships/rules/membership-levels.rules';
import { wouldLeaveNoAdministrator, type AdministratorChange } from '../agreements/rules/last-administrator.rules';
import { openChanges, putChangeIn } from '../changes/changes.service';
import { insertPendingChange, type ChangeFields, type PendingChangeRow, type RolePeriods } from '../changes/changes.store';
import { digestOf } from '../changes/rules/pending-change.rules';
import { refreshPermissionIndex } from '../permission-index/permission-index.store';
import {
  itemsToEndAtDeadline, periodsEndedAtDeadline, reviewedChange, validateDeadline, validateDecisions,
  type DecisionInput, type ReviewItemFacts,
} from './rules/access-review.rules';
import {
  allItems, claimDueReviews, closeReview, currentRolesOf, endRoleOn, insertReviewWithSnapshot, markEndedAtDeadline, itemsByIds, itemsOfPeople, newReviewId,
  peopleStates, pendingChangeOf, recordDecision, reviewById,
  type AccessReviewRow, type PersonState,
} from './reviews.store';
import { ensureOpenChangeSet, insertSealedChangeSet, openChangeSetId } from './change-set.store';

/**
 * R-REV-1 access reviews (docs/domain.md). Every check runs before anything is written; each
 * mutation writes in one transaction together with its audit events, so a refusal changes nothing.
 */

const SCHEMA = 'access';

/** R-REV-1: the authority, or the organisation's permission administrators (Hantera användare); partner systems do not run reviews. */
async function requireReviewer(ctx: Context, organisationId: string): Promise<void> {
  const actor = requireActor(ctx.actor);
  if (actor.kind === 'client') throw forbidden('Access reviews are run by people: the authority or the organisation\'s permission administrators (R-REV-1).', 'MANAGE_USERS_REQUIRED');
  await requireManageUsers(ctx, organisationId, 'UPDATE');
}

/** R-REV-1: reading a review and its items: whoever may read the organisation's staff (MANAGE_USERS READ) and the authority. */
export async function mayReadReviewsOf(ctx: Context, organisationId: string): Promise<void> {
  await requireManageUsers(ctx, organisationId, 'READ');
}

export async function startAccessReview(ctx: Context, input: { organisationId: string; deadline: string; endUndecidedAtDeadline: boolean }): Promise<AccessReviewRow> {
  if (!isUuid(input.organisationId)) throw badInput('input.organisationId', 'That is not an organisation id.', 'MALFORMED_ID');
  await requireReviewer(ctx, input.organisationId);
  try {
    validateDeadline(input.deadline, ctx.today);
  } catch (e) {
    if (e instanceof ValidationError) throw badInput(e.field, e.message, e.reason);
    throw e;
  }
  const id = newReviewId();
  const actor = ctx.actor as Actor;
  await ctx.em.transactional(async (tx) => {
    const items = await insertReviewWithSnapshot(tx, { id, organisationId: input.organisationId, deadline: input.deadline, endUndecidedAtDeadline: input.endUndecidedAtDeadline, startedBy: actorLabel(actor) }, ctx.today);
    await writeOutboxEvent(tx, SCHEMA, {
      actor, organisationId: input.organisationId, action: 'access.review.started', target: `access_review:${id}`,
      after: { reviewId: id, deadline: input.deadline, endUndecidedAtDeadline: input.endUndecidedAtDeadline, items },
    });
  });
  return (await reviewById(ctx.em, id))!;
}

export async function accessReview(ctx: Context, id: string): Promise<AccessReviewRow | null> {
  const review = isUuid(id) ? await reviewById(ctx.em, id) : null;
  if (!review) return null;
  await mayReadReviewsOf(ctx, review.organisationId);
  return review;
}

/** R-USR-2 levels of a person's current employments, as a change carries them (ended units left out). */
function unitGrantsOf(state: PersonState, today: string) {
  const live = state.units.filter((u) => unitActiveOn(u, today));
  const unitIds = [...new Set(live.map((u) => u.unitId))];
  const unitGrants = unitIds.map((unitId) => {
    const rows = live.filter((u) => u.unitId === unitId);
    const offices = rows.find((r) => r.addressIds && r.addressIds.length > 0)?.addressIds;
    const grant = { unitId, schoolFormCodes: rows.some((r) => !r.schoolFormCode) ? null : rows.map((r) => r.schoolFormCode as string).sort() };
    return offices ? { ...grant, addressIds: [...offices].sort() } : grant;
  });
  const forms = live.some((u) => !u.schoolFormCode) ? null : [...new Set(live.map((u) => u.schoolFormCode as string))];
  return { unitIds, unitGrants, schoolFormCodes: forms && forms.length > 0 ? forms : null };
}

/**
 * R-REV-1: records KEEP/END decisions and turns each reviewed person's decisions into their change
 * in the organisation's changes to sign (signChanges + BankID then applies them exactly once,
 * R-SIGN-4). Returns the open change set.
 */
export async function decideReviewItems(ctx: Context, reviewId: string, decisions: readonly DecisionInput[]) {
  const review = isUuid(reviewId) ? await reviewById(ctx.em, reviewId) : null;
  if (!review) throw notFound('There is no such access review.', 'REVIEW_NOT_FOUND');
  await requireReviewer(ctx, review.organisationId);
  if (review.status !== 'OPEN') throw conflict('The review is closed; its deadline has passed (R-REV-1).', 'REVIEW_CLOSED');
  const found = await itemsByIds(ctx.em, decisions.map((d) => d.itemId).filter(isUuid));
  try {
    validateDecisions(review.id, decisions, new Map(found.map((i) => [i.id, i])), ctx.today);
  } catch (e) {
    if (e instanceof ValidationError) throw badInput(e.field, e.message, e.reason);
    throw e;
  }
  const actor = ctx.actor as Actor;
  const byItem = new Map(decisions.map((d) => [d.itemId, d]));
  const personIds = [...new Set(found.map((i) => i.personId))];
  return ctx.em.transactional(async (tx) => {
    const reviewed = (await itemsOfPeople(tx, review.id, personIds)).map((i): ReviewItemFacts => {
      const d = byItem.get(i.id);
      return d ? { ...i, decision: d.decision, endDate: d.decision === 'END' ? (d.endDate ?? null) : null } : i;
    });
    const states = await peopleStates(tx, review.organisationId, personIds);
    const adminChanges: AdministratorChange[] = [];
    const puts: { fields: ChangeFields; rolePeriods: RolePeriods | null }[] = [];
    for (const personId of personIds) {
      const state = states.get(personId);
      // The person left the organisation since the review started: nothing of theirs is left to end.
      if (!state) continue;
      const mine = reviewed.filter((i) => i.personId === personId);
      const change = reviewedChange(mine);
      const pending = await pendingChangeOf(tx, review.organisationId, state.personalNumberHash);
      // KEEP (or END without effect) adds no change, unless an earlier decision of a review put one in the set: it is replaced.
      if (change.kind === 'NONE' && !pending?.fromReview) continue;
      if (pending && !pending.fromReview) {
        throw conflict(`${state.givenName} ${state.surname} has another change waiting for signature; sign or discard it first (R-REV-1).`, 'REVIEW_PERSON_HAS_PENDING_CHANGE');
      }
      const units = unitGrantsOf(state, ctx.today);
      const kept = mine.filter((i) => !(i.decision === 'END' && i.isPermissionAdmin));
      const current = { roleCodes: [...new Set(mine.map((i) => i.roleCode))].sort(), validFrom: mine.map((i) => i.validFrom).sort()[0], validTo: mine.some((i) => !i.validTo) ? null : mine.map((i) => i.validTo as string).sort().at(-1)! };
      const identity = { personId, personalNumberHash: state.personalNumberHash, personalNumberEnc: state.personalNumberEnc, givenName: state.givenName, surname: state.surname, birthDate: state.birthDate, email: state.email, ...units };
      if (mine.some((i) => i.isPermissionAdmin) && !kept.some((i) => i.isPermissionAdmin)) adminChanges.push({ kind: 'REMOVE', personId });
      if (change.kind === 'REMOVED') {
        puts.push({ fields: { kind: 'REMOVED', ...identity, ...current }, rolePeriods: null });
      } else if (change.kind === 'CHANGED') {
        puts.push({ fields: { kind: 'CHANGED', ...identity, roleCodes: change.roleCodes, validFrom: change.validFrom, validTo: change.validTo }, rolePeriods: change.rolePeriods });
      } else {
        const periods = Object.fromEntries(mine.map((i) => [i.roleCode, { validFrom: i.validFrom, validTo: i.validTo }]));
        puts.push({ fields: { kind: 'CHANGED', ...identity, ...current }, rolePeriods: periods });
      }
    }
    // R-AGR-3, early and friendly: the apply checks again under the organisation lock.
    if (adminChanges.length > 0 && wouldLeaveNoAdministrator(await administratorPeriods(tx, review.organisationId), adminChanges, ctx.today)) {
      throw conflict('Ending these administrators would leave the organisation without a permission administrator (R-AGR-3).', 'LAST_ADMINISTRATOR');
    }
    // Every role keeps its own period (R-PERIOD-1): the change carries them, and the digest and the signing text show them.
    for (const p of puts) await putChangeIn(tx, ctx, review.organisationId, { ...p.fields, rolePeriods: p.rolePeriods }, 'access.change.proposed');
    const setId = puts.length > 0 ? await openChangeSetId(tx, review.organisationId) : await ensureOpenChangeSet(tx, review.organisationId);
    for (const d of decisions) await recordDecision(tx, d.itemId, d.decision, d.decision === 'END' ? (d.endDate ?? null) : null, actorLabel(actor), puts.length > 0 ? setId : null);
    await writeOutboxEvent(tx, SCHEMA, {
      actor, organisationId: review.organisationId, action: 'access.review.decided', target: `access_review:${review.id}`,
      after: { reviewId: review.id, changeSetId: setId, decisions: decisions.map((d) => ({ itemId: d.itemId, decision: d.decision, endDate: d.endDate ?? null })), changes: puts.length },
    });
    return setId;
  }).then(async (setId) => {
    const set = await ctx.loaders.changeSet.load(setId);
    return set!;
  });
}

/** What the deadline job needs besides the database: the signing service's seal, the receipt check, the vault (for the digest). */
export interface ReviewDeadlineDeps {
  signing: Pick<SigningClient, 'sealServiceChangeSet'>;
  verifyReceipt: ReceiptVerifier;
  vault: PersonalNumberVault;
  logger?: Pick<Logger, 'warn'>;
}

/** A name-based (version 5 style) UUID: the same name gives the same id on every run and replica. */
const uuidOf = (name: string) => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * A deadline set's id, from the review and what the set contains (docs/evidence.md "Service
 * seals"): a repeated run that plans the same set gets the same id (and signing's same seal); a
 * run after the set's content changed (a name, an e-mail, a period corrected since a run that
 * failed after its seal) plans a new set, sealed on its own, never one id under two digests.
 */
const deadlineSetId = (reviewId: string, contentDigest: string) => uuidOf(`access-review-deadline-set:${reviewId}:${contentDigest}`);

/** A deadline set's change id, the same on every run for the same set and person, so a repeated run computes the same digest. */
const deadlineChangeId = (setId: string, personId: string) => uuidOf(`access-review-deadline:${setId}:${personId}`);

/**
 * R-REV-1 at the deadline, for the job runner ("access.review-deadlines", hourly, safe on every
 * replica: each review is claimed with FOR UPDATE SKIP LOCKED and closed in the same transaction).
 * A review whose deadline day has passed is closed; its undecided items are reported as a
 * REVIEW_UNDECIDED notice (R-NOTE-1). With `endUndecidedAtDeadline` the undecided assignments
 * (never a permission administrator's) end on the deadline through a change set the authority's
 * service seals (docs/evidence.md "Service seals"): only access is taken away (R-SIGN-8), so no
 * one signs with BankID, yet the set has a digest, a receipt and the audit events of any signed
 * set, and is applied exactly once (the review is closed in the same transaction; the set's id is
 * derived from the review and the set's content, see deadlineSetId).
 *
 * A review whose seal cannot be had (the signing service does not answer) stays open and is tried
 * again on the next run; the others are closed, and the run then fails so the runner reports it.
 */
export async function closeDueReviews(em: EntityManager, today: string, deps: ReviewDeadlineDeps): Promise<{ closed: number; ended: number }> {
  const service: Actor = { kind: 'service', service: 'access' };
  let closed = 0;
  let ended = 0;
  const failed: string[] = [];
  let lastError: unknown = null;
  for (;;) {
    let claimedId: string | null = null;
    try {
      const result = await em.fork().transactional(async (tx) => {
        const [review] = await claimDueReviews(tx, today, 1, failed);
        if (!review) return null;
        claimedId = review.id;
        const items = await allItems(tx, review.id);
        const { end, reportOnly } = review.endUndecidedAtDeadline ? itemsToEndAtDeadline(items) : { end: [], reportOnly: items.filter((i) => i.decision === null) };
        const { ended: endedHere, changeSetId } = end.length > 0 ? await endThroughSealedSet(tx, deps, review, end, today) : { ended: 0, changeSetId: null };
        await closeReview(tx, review.id);
        await writeOutboxEvent(tx, SCHEMA, {
          actor: service, organisationId: review.organisationId, action: 'access.review.closed', target: `access_review:${review.id}`,
          after: {
            reviewId: review.id, deadline: review.deadline, decided: items.filter((i) => i.decision !== null).length, undecided: items.filter((i) => i.decision === null).length,
            endedAtDeadline: endedHere, reportedOnly: reportOnly.length, changeSetId,
          },
        });
        return endedHere;
      });
      if (result === null) break;
      closed++;
      ended += result;
    } catch (e) {
      if (!claimedId) throw e;
      failed.push(claimedId);
      lastError = e;
      deps.logger?.warn({ err: e, reviewId: claimedId }, 'closing a review at its deadline failed; the next run tries again');
    }
  }
  if (lastError) throw lastError;
  return { closed, ended };
}

/**
 * The deadline's change set: one CHANGED change per person whose undecided roles end (each role
 * keeping its own period otherwise, R-PERIOD-1), sealed by the authority's service and applied in
 * the caller's transaction. Returns how many role assignments ended, and the set applied (null when
 * nothing was left to end).
 *
 * Signing commits its seal before this transaction does; should this transaction then roll back,
 * that seal names a set that was never applied. The next run plans again from the current state:
 * the same content is the same set (signing answers the same seal, `alreadySealed`), changed
 * content is another set with its own seal (docs/evidence.md "Service seals").
 */
async function endThroughSealedSet(tx: EntityManager, deps: ReviewDeadlineDeps, review: AccessReviewRow, end: readonly ReviewItemFacts[], today: string): Promise<{ ended: number; changeSetId: string | null }> {
  const service: Actor = { kind: 'service', service: 'access' };
  const organisationId = review.organisationId;
  // Serialises with applies and period changes of the organisation (R-AGR-3, optimistic locking).
  await lockOrganisation(tx, organisationId);
  const personIds = [...new Set(end.map((i) => i.personId))];
  const [states, current] = await Promise.all([peopleStates(tx, organisationId, personIds), currentRolesOf(tx, organisationId, personIds)]);
  const planned: { change: PendingChangeRow; membershipId: string; ended: { roleCode: string; before: string | null; after: string }[]; itemIds: string[] }[] = [];
  for (const personId of personIds) {
    const state = states.get(personId);
    const roles = current.get(personId);
    // The person left the organisation since the review started: nothing of theirs is left to end.
    if (!state || !roles) continue;
    const mine = end.filter((i) => i.personId === personId);
    const periods = periodsEndedAtDeadline(roles.roles, new Set(mine.map((i) => i.roleCode)), review.deadline);
    if (!periods) continue;
    const units = unitGrantsOf(state, today);
    planned.push({
      membershipId: roles.membershipId, ended: periods.ended,
      itemIds: mine.filter((i) => periods.ended.some((e) => e.roleCode === i.roleCode)).map((i) => i.id),
      change: {
        id: deadlineChangeId(review.id, personId), changeSetId: review.id, kind: 'CHANGED', personId,
        personalNumberHash: state.personalNumberHash, personalNumberEnc: state.personalNumberEnc, givenName: state.givenName, surname: state.surname,
        birthDate: state.birthDate, email: state.email, ...units, unitGrants: units.unitGrants as PendingChangeRow['unitGrants'],
        roleCodes: periods.roleCodes, validFrom: periods.validFrom, validTo: periods.validTo, rolePeriods: periods.rolePeriods,
        baseVersion: null, createdAt: new Date(),
      },
    });
  }
  if (planned.length === 0) return { ended: 0, changeSetId: null };
  // The content's digest (under the review's id) names the set; the set's own digest binds its id too (R-SIGN-3).
  const contentDigest = digestOf({ id: review.id, organisationId }, openChanges(deps.vault, planned.map((p) => p.change)));
  const setId = deadlineSetId(review.id, contentDigest);
  for (const p of planned) p.change = { ...p.change, id: deadlineChangeId(setId, p.change.personId!), changeSetId: setId };
  const changes = planned.map((p) => p.change);
  const digest = digestOf({ id: setId, organisationId }, openChanges(deps.vault, changes));
  // As for a BankID signature, the log reads: signing started → signed (by the authority's service) → changed → applied.
  await writeOutboxEvent(tx, SCHEMA, {
    actor: service, organisationId, action: 'access.changes.signing_started', target: `change_set:${setId}`,
    after: { changeSetId: setId, digest, method: 'SERVICE_SEAL', reviewId: review.id, changes: changes.length },
  });
  const seal = await deps.signing.sealServiceChangeSet({ organisationId, changeSetId: setId, digest, reviewId: review.id, changes: changes.length });
  // The seal is verified, not trusted: signed with the signing service's key, by the authority's service, for exactly this set.
  const claims = await deps.verifyReceipt(seal.token);
  if (claims.sealedBy !== 'authority' || claims.changeSetId !== setId || claims.organisationId !== organisationId || claims.digest !== digest || claims.receiptId !== seal.receiptId) {
    throw new Error(`The seal of the deadline change set ${setId} does not bind it (R-SIGN-3).`);
  }
  await insertSealedChangeSet(tx, { id: setId, organisationId, digest, receiptId: claims.receiptId });
  const ids = { changeSetId: setId, receiptId: claims.receiptId, sealedBy: 'authority', reviewId: review.id };
  let endedCount = 0;
  for (const p of planned) {
    await insertPendingChange(tx, setId, p.change, null, p.change.id);
    for (const e of p.ended) await endRoleOn(tx, p.membershipId, e.roleCode, e.after);
    // Optimistic locking: a change proposed before this one is now stale (never applied over it).
    await bumpVersionById(tx, p.membershipId);
    await markEndedAtDeadline(tx, p.itemIds, setId);
    endedCount += p.ended.length;
    const c = p.change;
    await writeOutboxEvent(tx, SCHEMA, {
      actor: service, organisationId, action: 'access.staff.changed', target: `person:${c.personId}`,
      before: { roles: p.ended.map((e) => ({ roleCode: e.roleCode, validTo: e.before })) },
      // R-HOOK-1: which roles ended and on which date, so a partner's staff.changed says so (never a personal number).
      after: {
        ...ids, person: { givenName: c.givenName, surname: c.surname }, roleCodes: c.roleCodes, unitGrants: c.unitGrants, validFrom: c.validFrom, validTo: c.validTo, rolePeriods: c.rolePeriods,
        ended: p.ended.map((e) => ({ roleCode: e.roleCode, validTo: e.after, previousValidTo: e.before })),
      },
    });
  }
  // R-SCOPE-4: the permission index follows in the same transaction.
  await refreshPermissionIndex(tx, organisationId, planned.map((p) => p.change.personId!));
  await writeOutboxEvent(tx, SCHEMA, {
    actor: service, organisationId, action: 'access.changes.applied', target: `change_set:${setId}`,
    after: { ...ids, digest, changes: changes.map((c) => ({ id: c.id, kind: c.kind })) },
  });
  return { ended: endedCount, changeSetId: setId };
}
