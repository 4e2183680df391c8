/**
 * Shapes of the service-to-service `/internal/...` calls, declared once so the caller and the
 * callee cannot drift apart (the endpoints and how they are authenticated: docs/security.md).
 */

/** access → signing `POST /internal/sign-orders`: start BankID signing of one change set. */
export interface SignOrderRequest {
  organisationId: string;
  changeSetId: string;
  digest: string;
  userVisibleData: string;
  endUserIp: string;
}

/** organisations, access → signing `POST /internal/audit-events`: what an outbox relay delivers (R-AUDIT-1). */
export interface AuditEventsRequest {
  source: 'organisations' | 'access';
  events: {
    sourceId: string;
    occurredAt: string;
    actor: string;
    organisationId: string | null;
    action: string;
    target: string;
    before?: unknown;
    after?: unknown;
  }[];
}

/** How far an event's `occurredAt` may lie ahead of the receiver's clock, or behind its floor (R-AUTH-4). */
export const AUDIT_EVENT_MAX_SKEW_MS = 5 * 60_000;

/**
 * R-AUTH-4 for audit ingestion, checked before anything is written: a service delivers only its
 * own events (`source` equal to the service its credential names, so only that service can claim a
 * de-duplication key `(source, sourceId)`), and no event is post-dated or back-dated:
 * - not later than now plus the skew;
 * - not earlier than the skew before the source's floor, `sourceFloor`: what the log already holds
 *   from this source — its latest logged event, or the log's beginning when it holds none — or
 *   now, whichever is earlier.
 * A source's relay delivers its outbox in id order, so a backlog that waited out a signing outage
 * of any length is at or after what the source delivered before it and goes in; an event dated
 * before what the source has already delivered (beyond the skew that out-of-order commits need)
 * does not. Without a floor, now is the floor (at most the skew old). Returns why the delivery is
 * refused, or null. docs/security.md, "Audit ingestion".
 */
export function auditDeliveryRefusal(
  callerService: string,
  delivery: { source: string; events: { occurredAt: Date | string }[] },
  now: number = Date.now(),
  sourceFloor: Date | null = null,
): string | null {
  if (delivery.source !== callerService) return `${callerService} may deliver only its own events, not ${delivery.source}'s`;
  const floor = Math.min(now, sourceFloor?.getTime() ?? now) - AUDIT_EVENT_MAX_SKEW_MS;
  const minutes = AUDIT_EVENT_MAX_SKEW_MS / 60_000;
  for (const e of delivery.events) {
    const at = new Date(e.occurredAt).getTime();
    const shown = Number.isFinite(at) ? new Date(at).toISOString() : String(e.occurredAt);
    if (!Number.isFinite(at)) return `occurredAt ${shown} is not an instant`;
    if (at > now + AUDIT_EVENT_MAX_SKEW_MS) return `occurredAt ${shown} lies more than ${minutes} minutes in the future`;
    if (at < floor) {
      return `occurredAt ${shown} lies more than ${minutes} minutes before ${sourceFloor && sourceFloor.getTime() < now ? `what ${delivery.source} has already delivered (${sourceFloor.toISOString()})` : 'now'}`;
    }
  }
  return null;
}

/**
 * access → signing `POST /internal/service-seals`: the authority's service signs a change set that
 * access's scheduled job made and that only takes access away (R-REV-1 at a review's deadline,
 * docs/evidence.md "Service seals"). Idempotent per change set and digest.
 */
export interface ServiceSealRequest {
  organisationId: string;
  changeSetId: string;
  digest: string;
  /** Why the set exists, for the audit event: the review whose deadline passed. */
  reviewId: string;
  /** How many changes the set holds (the digest binds them). */
  changes: number;
}

export interface ServiceSealResponse {
  receiptId: string;
  /** The seal (a receipt JWS, kit `mintServiceSeal`). */
  token: string;
  /** True when this set and digest had been sealed before (a repeated job run). */
  alreadySealed: boolean;
}

/**
 * organisations → access `POST /internal/unit-facts`: the current state of units and organisations
 * as organisations' fact outbox delivers it (docs/architecture.md, "Unit facts"). Each fact is a
 * whole snapshot with a per-unit (per-organisation) `version` that only grows, so a redelivered or
 * reordered fact never rolls a newer one back: the receiver keeps the highest version it has seen.
 */
export interface UnitFactsRequest {
  facts: UnitFact[];
}
export type UnitFact =
  | { kind: 'unit'; unitId: string; organisationId: string; serviceCode: string; name: string; closed: boolean; schoolFormCodes: string[]; addressIds: string[]; version: number }
  | { kind: 'organisation'; organisationId: string; name: string; version: number };
/**
 * access's 200 answer: how many units and organisations changed, and each malformed fact it did not
 * take (its index in `facts` and why); the rest of the delivery was applied.
 */
export interface UnitFactsResponse {
  units: number;
  organisations: number;
  refused: { index: number; reason: string }[];
}
