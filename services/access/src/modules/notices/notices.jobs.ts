import type { EntityManager } from '@mikro-orm/postgresql';
import { closeDueReviews, type ReviewDeadlineDeps } from '../reviews/reviews.service';
import { sendNoticeDigests, type DisabledSubscriptions } from './notices.service';
import type { Mailer } from './mailer';

/**
 * The access service's scheduled work (R-REV-1 deadlines, R-NOTE-1 digest) as plain task
 * handlers, shaped for kit's one job runner (`@behorig/kit/jobs`: `tasks` + `recurring`). Both
 * are safe on every replica: due reviews are claimed with FOR UPDATE SKIP LOCKED, and a digest
 * row per recipient and day is claimed before a mail is sent.
 */
export interface AccessJobDeps {
  em: EntityManager;
  today: () => string;
  mailer: Mailer;
  organisationNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** R-HOOK-1: disabled event subscriptions are notices in the digest too (the signing service answers). */
  disabledSubscriptions?: DisabledSubscriptions;
  /** R-REV-1: the deadline's change set is sealed by the authority's service (docs/evidence.md). */
  deadlines: ReviewDeadlineDeps;
}

export const REVIEW_DEADLINES_TASK = 'access.review-deadlines';
export const NOTICE_DIGEST_TASK = 'access.notice-digest';

export function accessTasks(deps: AccessJobDeps) {
  return {
    [REVIEW_DEADLINES_TASK]: { handler: async () => { await closeDueReviews(deps.em.fork(), deps.today(), deps.deadlines); } },
    [NOTICE_DIGEST_TASK]: { handler: async () => { await sendNoticeDigests(deps.em.fork(), { today: deps.today(), mailer: deps.mailer, organisationNames: deps.organisationNames, disabledSubscriptions: deps.disabledSubscriptions }); } },
  };
}

/** Deadlines every hour (a review closes within an hour after its deadline day); the digest daily at 06:00 UTC. */
export const accessRecurring = [
  { task: REVIEW_DEADLINES_TASK, everyMs: 3_600_000 },
  { task: NOTICE_DIGEST_TASK, everyMs: 86_400_000, offsetMs: 6 * 3_600_000 },
];
