import { isAuthority, requireActor } from '@behorig/kit/auth';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { badInput, ValidationError } from '@behorig/kit/errors';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context';
import { requireManageUsers } from '../../policy/access.policy';
import { administratorPeriods } from '../memberships/memberships.store';
import { effectiveAgreementStatus } from '../agreements/rules/last-administrator.rules';
import {
  activationOverdue, activationOverdueNotice, digestMail, endingSoonNotices, endingWindow, needsNewAdministratorNotice, reviewUndecidedNotice, subscriptionDisabledNotice,
  REVIEW_NOTICE_DAYS, DEFAULT_ENDING_WITHIN_DAYS, type NoticeModel,
} from './rules/notices.rules';
import { agreementOf, claimDigest, digestRecipients, endingAssignments, releaseDigest, undecidedReviews } from './notices.store';
import type { Mailer } from './mailer';

/** R-NOTE-1: one organisation's notices on `today`; `authority` adds agreements not activated in time (R-AGR-2). */
/** The signing service's answer about disabled event subscriptions (R-HOOK-1), asked through its client. */
export type DisabledSubscriptions = (organisationId: string, since: string) => Promise<{ id: string; url: string; disabledAt: string }[]>;

export async function noticesOf(db: Pick<EntityManager, 'execute'>, organisationId: string, today: string, endingWithinDays: number | null | undefined, authority: boolean, disabledSubscriptions?: DisabledSubscriptions): Promise<NoticeModel[]> {
  const window = endingWindow(endingWithinDays, today);
  const [ending, agreement, admins, reviews, disabled] = await Promise.all([
    endingAssignments(db, organisationId, window.from, window.to),
    agreementOf(db, organisationId),
    administratorPeriods(db as EntityManager, organisationId),
    undecidedReviews(db, organisationId, addDays(today, -REVIEW_NOTICE_DAYS)),
    // The signing service answers for subscriptions; while it does not, the other notices are still shown.
    disabledSubscriptions ? disabledSubscriptions(organisationId, addDays(today, -REVIEW_NOTICE_DAYS)).catch(() => []) : Promise.resolve([]),
  ]);
  const out: NoticeModel[] = [];
  if (agreement && effectiveAgreementStatus(agreement.status as 'ACTIVE', admins, today) === 'NEEDS_NEW_ADMINISTRATOR') out.push(needsNewAdministratorNotice(organisationId));
  if (authority && agreement && activationOverdue(agreement.status, agreement.activateBy, today)) out.push(activationOverdueNotice(organisationId, agreement.activateBy));
  out.push(...reviews.map((r) => reviewUndecidedNotice(organisationId, r.deadline, r.undecided, r.ended)));
  out.push(...disabled.map((d) => subscriptionDisabledNotice(organisationId, d.url, stockholmDate(new Date(d.disabledAt)))));
  out.push(...endingSoonNotices(organisationId, ending));
  return out;
}

/** `Organisation.notices`: holders of "Hantera användare" (READ or UPDATE) and the authority (R-NOTE-1). */
export async function organisationNotices(ctx: Context, organisationId: string, endingWithinDays: number | null | undefined): Promise<NoticeModel[]> {
  await requireManageUsers(ctx, organisationId, 'READ');
  try {
    return await noticesOf(ctx.em, organisationId, ctx.today, endingWithinDays, isAuthority(requireActor(ctx.actor)), (id, since) => ctx.deps.signing.disabledSubscriptions(id, since));
  } catch (e) {
    if (e instanceof ValidationError) throw badInput(e.field, e.message, e.reason);
    throw e;
  }
}

export interface DigestDeps {
  today: string;
  mailer: Mailer;
  /** Organisation names for the subject line; a lookup that fails leaves the name out. */
  organisationNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** R-HOOK-1 subscriptions disabled after a day of failures (the signing service); absent: not part of the digest. */
  disabledSubscriptions?: DisabledSubscriptions;
}

/**
 * R-NOTE-1, the daily digest (job "access.notice-digest"): every administrator with an e-mail
 * address gets one mail per organisation with notices, at most once a day: the day's row in
 * `notice_digest` is claimed before sending (whichever replica claims it sends), and given back
 * when the mail server refuses, so the next run retries. Each mail sent is an audit event.
 */
export async function sendNoticeDigests(em: EntityManager, deps: DigestDeps): Promise<{ sent: number }> {
  const recipients = await digestRecipients(em, deps.today);
  const orgIds = [...new Set(recipients.map((r) => r.organisationId))];
  const names = deps.organisationNames ? await deps.organisationNames(orgIds).catch(() => new Map<string, string>()) : new Map<string, string>();
  const noticesByOrg = new Map<string, NoticeModel[]>();
  for (const id of orgIds) noticesByOrg.set(id, await noticesOf(em, id, deps.today, DEFAULT_ENDING_WITHIN_DAYS, false, deps.disabledSubscriptions));
  let sent = 0;
  for (const r of recipients) {
    const notices = noticesByOrg.get(r.organisationId) ?? [];
    if (notices.length === 0) continue;
    if (!(await claimDigest(em, r, deps.today, notices.length))) continue;
    const mail = digestMail({ organisationName: names.get(r.organisationId) ?? null, recipientName: `${r.givenName} ${r.surname}`, notices, today: deps.today });
    try {
      await deps.mailer.send({ to: r.email, subject: mail.subject, text: mail.text });
    } catch (e) {
      await releaseDigest(em, r, deps.today);
      throw e;
    }
    await writeOutboxEvent(em, 'access', {
      actor: { kind: 'service', service: 'access' }, organisationId: r.organisationId, action: 'access.notices.digest_sent', target: `membership:${r.membershipId}`,
      after: { notices: notices.length, kinds: [...new Set(notices.map((n) => n.kind))].sort(), on: deps.today },
    });
    sent++;
  }
  return { sent };
}
