import { addDays } from '@behorig/kit/dates';
import { ValidationError } from '@behorig/kit/errors';

/**
 * R-NOTE-1 (docs/domain.md): administrators see what needs them — assignments ending within a
 * chosen number of days, organisations needing a new administrator (R-AGR-3), review deadlines
 * passed with items undecided (R-REV-1) and, for the authority, agreements not activated by their
 * deadline (R-AGR-2). The same facts reach them by e-mail as a digest, at most once a day.
 * Pure functions: no GraphQL, no SQL, no mail transport.
 */

export type NoticeKind = 'ENDING_SOON' | 'NEEDS_NEW_ADMINISTRATOR' | 'ACTIVATION_OVERDUE' | 'REVIEW_UNDECIDED' | 'EVENT_SUBSCRIPTION_DISABLED';

export interface NoticeModel {
  kind: NoticeKind;
  organisationId: string;
  personId: string | null;
  validTo: string | null;
  message: string;
}

export const DEFAULT_ENDING_WITHIN_DAYS = 30;
export const MAX_ENDING_WITHIN_DAYS = 365;

/** R-NOTE-1: the window of "ending soon", today through today + days (end dates are inclusive, R-PERIOD-1). */
export function endingWindow(endingWithinDays: number | null | undefined, today: string): { from: string; to: string } {
  const days = endingWithinDays ?? DEFAULT_ENDING_WITHIN_DAYS;
  if (!Number.isInteger(days) || days < 0 || days > MAX_ENDING_WITHIN_DAYS) {
    throw new ValidationError('endingWithinDays', `endingWithinDays must be between 0 and ${MAX_ENDING_WITHIN_DAYS}.`, 'NOTICE_DAYS_OUT_OF_RANGE');
  }
  return { from: today, to: addDays(today, days) };
}

export interface EndingAssignment { personId: string; givenName: string; surname: string; roleName: string; validTo: string }

/** One person's assignments ending soon become one notice, dated by the first end. */
export function endingSoonNotices(organisationId: string, rows: readonly EndingAssignment[]): NoticeModel[] {
  const byPerson = new Map<string, EndingAssignment[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return [...byPerson.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => (a.validTo < b.validTo ? -1 : a.validTo > b.validTo ? 1 : a.roleName.localeCompare(b.roleName, 'sv')));
      const first = sorted[0];
      const roles = sorted.map((r) => `${r.roleName} (${r.validTo})`).join(', ');
      return { kind: 'ENDING_SOON' as const, organisationId, personId: first.personId, validTo: first.validTo, message: `${first.givenName} ${first.surname}: ${roles} upphör snart.` };
    })
    .sort((a, b) => (a.validTo! < b.validTo! ? -1 : a.validTo! > b.validTo! ? 1 : a.message.localeCompare(b.message, 'sv')));
}

export const needsNewAdministratorNotice = (organisationId: string): NoticeModel => ({
  kind: 'NEEDS_NEW_ADMINISTRATOR', organisationId, personId: null, validTo: null,
  message: 'Organisationen har ingen behörighetsadministratör. Myndigheten behöver utse en ny (R-AGR-3).',
});

/** R-AGR-2: an agreement still RECEIVED after its activate-by day (the authority's notice). */
export function activationOverdue(status: string, activateBy: string, today: string): boolean {
  return status === 'RECEIVED' && activateBy < today;
}

export const activationOverdueNotice = (organisationId: string, activateBy: string): NoticeModel => ({
  kind: 'ACTIVATION_OVERDUE', organisationId, personId: null, validTo: activateBy,
  message: `Avtalet skulle ha aktiverats senast ${activateBy} (R-AGR-2).`,
});

export const reviewUndecidedNotice = (organisationId: string, deadline: string, undecided: number, ended: number): NoticeModel => ({
  kind: 'REVIEW_UNDECIDED', organisationId, personId: null, validTo: deadline,
  message: `Granskningen med sista dag ${deadline} lämnade ${undecided} ${undecided === 1 ? 'behörighet' : 'behörigheter'} obeslutade${ended > 0 ? `; ${ended} avslutades vid sista dagen` : ''}.`,
});

/**
 * R-HOOK-1: a partner event subscription disabled after a day of failed deliveries (shown for
 * NOTICE_DAYS after). Notices reach everyone who may read the organisation's users, and e-mail,
 * while a subscription's address is for its administrators only (a path or query may carry a
 * partner's token): the notice names the receiving host, never the whole address.
 */
export const subscriptionDisabledNotice = (organisationId: string, url: string, disabledOn: string): NoticeModel => ({
  kind: 'EVENT_SUBSCRIPTION_DISABLED', organisationId, personId: null, validTo: disabledOn,
  message: `Händelseprenumerationen till ${originOf(url)} stängdes av ${disabledOn} efter ett dygn av misslyckade leveranser.`,
});

function originOf(url: string): string {
  try { return new URL(url).origin; } catch { return 'en partners adress'; }
}

/** How long after its deadline a review's undecided items stay a notice. */
export const REVIEW_NOTICE_DAYS = 30;

// ── The daily digest (R-NOTE-1) ───────────────────────────────────────────────────

export interface DigestInput {
  organisationName: string | null;
  recipientName: string;
  notices: readonly NoticeModel[];
  today: string;
}

const englishOf = (n: NoticeModel): string => {
  switch (n.kind) {
    case 'ENDING_SOON': return `${n.message.replace(/ upphör snart\.$/, '')} ends soon.`;
    case 'NEEDS_NEW_ADMINISTRATOR': return 'The organisation has no permission administrator. The authority needs to appoint a new one (R-AGR-3).';
    case 'ACTIVATION_OVERDUE': return `The agreement should have been activated by ${n.validTo} (R-AGR-2).`;
    case 'REVIEW_UNDECIDED': return `An access review with the deadline ${n.validTo} left items undecided (R-REV-1).`;
    case 'EVENT_SUBSCRIPTION_DISABLED': return `An event subscription was disabled on ${n.validTo} after a day of failed deliveries (R-HOOK-1).`;
  }
};

/**
 * R-NOTE-1: the digest mail, Swedish first with an English part. Names, roles and dates only:
 * nothing in it is a personal number (the notices carry none; the recipient reads the details in
 * Behörig after logging in).
 */
export function digestMail(input: DigestInput): { subject: string; text: string } {
  const n = input.notices.length;
  const org = input.organisationName ?? 'er organisation';
  const orgEn = input.organisationName ?? 'your organisation';
  const subject = `Behörig: ${n} ${n === 1 ? 'sak' : 'saker'} att se över i ${org} / ${n} ${n === 1 ? 'item' : 'items'} to review`;
  const text = [
    `Hej ${input.recipientName}!`,
    '',
    `Det här behöver din uppmärksamhet i ${org} (${input.today}):`,
    '',
    ...input.notices.map((x) => `- ${x.message}`),
    '',
    'Logga in i Behörig och öppna Att göra för detaljer.',
    'Du får det här brevet för att du är behörighetsadministratör och har en e-postadress i Behörig. Högst ett brev per dag.',
    '',
    '-- English --',
    '',
    `Hello ${input.recipientName},`,
    '',
    `This needs your attention in ${orgEn} (${input.today}):`,
    '',
    ...input.notices.map((x) => `- ${englishOf(x)}`),
    '',
    'Log in to Behörig and open Notices for the details.',
    'You receive this because you are a permission administrator with an e-mail address in Behörig. At most one mail per day.',
    '',
  ].join('\n');
  return { subject, text };
}
