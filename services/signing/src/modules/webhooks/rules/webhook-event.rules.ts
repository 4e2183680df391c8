/**
 * R-HOOK-1: which applied changes a partner system can subscribe to, what a delivery carries and
 * when it is retried. Pure functions.
 */

/** The event types of the contract (`EventSubscriptionInput.events`). */
export const WEBHOOK_EVENT_TYPES = ['staff.added', 'staff.changed', 'staff.removed', 'period.changed', 'employment.ended'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The audit action (access outbox) behind each event type: only applied changes, never proposals. */
const ACTION_TO_EVENT: Record<string, WebhookEventType> = {
  'access.staff.added': 'staff.added',
  'access.staff.changed': 'staff.changed',
  'access.staff.removed': 'staff.removed',
  'access.period.changed': 'period.changed',
  'access.employment.ended': 'employment.ended',
};

export function eventTypeOfAction(source: string, action: string): WebhookEventType | null {
  return source === 'access' ? ACTION_TO_EVENT[action] ?? null : null;
}

export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 10;

/** The listed events, de-duplicated in contract order; null when empty or naming an unknown type. */
export function normaliseEventTypes(events: readonly string[]): WebhookEventType[] | null {
  if (events.length === 0 || events.length > 20) return null;
  if (events.some((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e))) return null;
  return WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t));
}

export interface AuditEventForWebhook {
  id: string;
  organisationId: string;
  at: Date;
  action: string;
  source: string;
  target: string;
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** Twelve digits with an optional separator, anywhere: what must never leave in a payload. */
const FULL_PERSONAL_NUMBER = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;

/**
 * The body of a delivery (Standard Webhooks: `type`, `timestamp`, `data`). Built field by field
 * from what the change recorded — ids, the person's name, role codes, units, periods — so nothing else (and never a
 * personal number) can slip through; `containsPersonalNumber` is a second guard the service checks.
 */
export function webhookPayload(type: WebhookEventType, e: AuditEventForWebhook): { type: WebhookEventType; timestamp: string; data: Json } {
  const after = obj(e.after);
  const before = e.before;
  const personId = /^person:([0-9a-f-]{36})$/i.exec(e.target)?.[1] ?? null;
  // R-HOOK-1: the person's name as access recorded it with the change (never a number).
  const named = obj(after.person);
  const givenName = str(named.givenName);
  const surname = str(named.surname);
  const base: Json = { eventId: e.id, organisationId: e.organisationId, personId, person: givenName && surname ? { id: personId, givenName, surname } : undefined };
  const ids: Json = { changeSetId: str(after.changeSetId) ?? undefined, receiptId: str(after.receiptId) ?? undefined };
  let data: Json;
  switch (type) {
    case 'staff.added':
    case 'staff.changed': {
      const grants = Array.isArray(after.unitGrants) ? after.unitGrants.map((u) => obj(u)) : [];
      // R-PERIOD-1: each role's own period, when the change carried them (reviews do).
      const periods = Object.entries(obj(after.rolePeriods)).map(([role, p]) => ({ role, validFrom: str(obj(p).validFrom), validTo: str(obj(p).validTo) }));
      // R-REV-1: roles ended at a review's deadline by the authority's service seal, each with its end date.
      const ended = Array.isArray(after.ended) ? after.ended.map((r) => obj(r)).map((r) => ({ role: str(r.roleCode), validTo: str(r.validTo), previousValidTo: str(r.previousValidTo) })) : [];
      const deadline = type === 'staff.changed' && ended.length > 0 && after.sealedBy === 'authority';
      data = {
        ...base, ...ids,
        roles: strs(after.roleCodes) ?? [],
        units: grants.map((u) => ({ unitId: str(u.unitId), schoolForms: strs(u.schoolFormCodes) ?? null })),
        validFrom: str(after.validFrom), validTo: str(after.validTo),
        periods: periods.length > 0 ? periods.sort((a, b) => (a.role < b.role ? -1 : 1)) : undefined,
        ...(deadline ? { reason: 'ACCESS_REVIEW_DEADLINE', reviewId: str(after.reviewId) ?? undefined, ended } : {}),
      };
      break;
    }
    case 'staff.removed': {
      const b = obj(before);
      data = { ...base, ...ids, roles: strs(b.roleCodes) ?? [], units: (strs(b.unitIds) ?? []).map((unitId) => ({ unitId })), validFrom: str(b.validFrom), validTo: str(b.validTo) };
      break;
    }
    case 'period.changed': {
      const rows = (list: unknown) => (Array.isArray(list) ? list.map((r) => obj(r)).map((r) => ({ role: str(r.roleCode), validTo: str(r.validTo) })) : []);
      // `after` is the list of roles, or `{ person, roles }` since period changes name the person.
      data = { ...base, before: rows(before), after: rows(Array.isArray(e.after) ? e.after : after.roles) };
      break;
    }
    case 'employment.ended': {
      data = {
        ...base, endDate: str(after.endDate), unitId: str(after.unitId), schoolForm: str(after.schoolFormCode),
        rolesEnded: strs(after.rolesEnded) ?? [],
      };
      break;
    }
  }
  return { type, timestamp: e.at.toISOString(), data: JSON.parse(JSON.stringify(data)) as Json };
}

export function containsPersonalNumber(body: string): boolean {
  // Dates (2026-12-31) and UUIDs do not match; twelve- or ten-digit runs do.
  return FULL_PERSONAL_NUMBER.test(body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '').replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, ''));
}

/** Default wait before the first retry: 10 s (the rule asks for one within 30 s). */
export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 3_600_000;

/** The wait after `failedAttempts` failures: the first retry after `firstRetryMs`, doubling up to an hour. */
export function retryDelayMs(failedAttempts: number, firstRetryMs = FIRST_RETRY_MS): number {
  return Math.min(MAX_RETRY_MS, firstRetryMs * Math.pow(2, Math.max(0, failedAttempts - 1)));
}

/** After a day of failures the subscription is disabled (with a notice) and the delivery given up. */
export const GIVE_UP_AFTER_MS = 86_400_000;

export function shouldGiveUp(firstAttemptAt: Date, now: Date): boolean {
  return now.getTime() - firstAttemptAt.getTime() >= GIVE_UP_AFTER_MS;
}

/** A 2xx acknowledges; anything else (a redirect included: redirects are not followed) is a failure. */
export const acknowledged = (status: number) => status >= 200 && status < 300;
