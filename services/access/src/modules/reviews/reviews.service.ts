import { requireActor, type Actor } from '@behorig/kit/auth';
import { badInput, conflict, forbidden, isUuid, notFound, ValidationError } from '@behorig/kit/errors';
import { actorLabel, writeOutboxEvent } from '@behorig/kit/outbox';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context';
import { requireManageUsers } from '../../policy/access.policy';
import { administratorPeriods } from '../memberships/memberships.store';
import { unitActiveOn } from '../memberships/rules/membership-levels.rules';
import { wouldLeaveNoAdministrator, type AdministratorChange } from '../agreements/rules/last-administrator.rules';
import { putChangeIn } from '../changes/changes.service';
import type { ChangeFields, RolePeriods } from '../changes/changes.store';
import {
  itemsToEndAtDeadline, reviewedChange, validateDeadline, validateDecisions,
  type DecisionInput, type ReviewItemFacts,
} from './rules/access-review.rules';
import {
  allItems, claimDueReviews, closeReview, endAssignmentAtDeadline, insertReviewWithSnapshot, itemsByIds, itemsOfPeople, newReviewId,
  peopleStates, pendingChangeOf, recordDecision, reviewById,
  type AccessReviewRow, type PersonState,
} from './reviews.store';
import { ensureOpenChangeSet, openChangeSetId } from './change-set.store';

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
  const catalogue = await ctx.loaders.catalogue();
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

/**
 * R-REV-1 at the deadline, for the job runner ("access.review-deadlines", daily and safe on every
 * replica: each review is claimed with FOR UPDATE SKIP LOCKED and closed in the same transaction).
 * A review whose deadline day has passed is closed; its undecided items are reported as a
 * REVIEW_UNDECIDED notice (R-NOTE-1); with `endUndecidedAtDeadline` the undecided assignments end
 * on the deadline at once — this only takes access away, so it applies without a signature
 * (R-SIGN-8), with an audit event per assignment naming the access service as actor.
 */
export async function closeDueReviews(em: EntityManager, today: string): Promise<{ closed: number; ended: number }> {
  const service: Actor = { kind: 'service', service: 'access' };
  let closed = 0;
  let ended = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await claimDueReviews(tx, today, 20);
      for (const review of due) {
        const items = await allItems(tx, review.id);
        const { end, reportOnly } = review.endUndecidedAtDeadline ? itemsToEndAtDeadline(items) : { end: [], reportOnly: items.filter((i) => i.decision === null) };
        let endedHere = 0;
        for (const item of end) {
          const result = await endAssignmentAtDeadline(tx, items.find((i) => i.id === item.id)!, review.deadline);
          if (!result) continue;
          endedHere++;
          await writeOutboxEvent(tx, SCHEMA, {
            actor: service, organisationId: review.organisationId, action: 'access.review.ended_at_deadline', target: `person:${item.personId}`,
            before: { roleCode: item.roleCode, validTo: result.before }, after: { reviewId: review.id, itemId: item.id, roleCode: item.roleCode, validTo: result.after },
          });
        }
        await closeReview(tx, review.id);
        await writeOutboxEvent(tx, SCHEMA, {
          actor: service, organisationId: review.organisationId, action: 'access.review.closed', target: `access_review:${review.id}`,
          after: { reviewId: review.id, deadline: review.deadline, decided: items.filter((i) => i.decision !== null).length, undecided: items.filter((i) => i.decision === null).length, endedAtDeadline: endedHere, reportedOnly: reportOnly.length },
        });
        ended += endedHere;
      }
      return due.length;
    });
    closed += batch;
    if (batch < 20) break;
  }
  return { closed, ended };
}
