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

/** How far an event's `occurredAt` may lie from the receiver's clock (R-AUTH-4). */
export const AUDIT_EVENT_MAX_SKEW_MS = 5 * 60_000;

/**
 * R-AUTH-4 for audit ingestion, checked before anything is written: a service delivers only its
 * own events (`source` equal to the service its credential names, so only that service can claim a
 * de-duplication key `(source, sourceId)`), and no event is back-dated or post-dated by more than
 * the skew. Returns why the delivery is refused, or null.
 */
export function auditDeliveryRefusal(callerService: string, delivery: { source: string; events: { occurredAt: Date | string }[] }, now: number = Date.now()): string | null {
  if (delivery.source !== callerService) return `${callerService} may deliver only its own events, not ${delivery.source}'s`;
  for (const e of delivery.events) {
    const at = new Date(e.occurredAt).getTime();
    if (!Number.isFinite(at) || Math.abs(at - now) > AUDIT_EVENT_MAX_SKEW_MS) {
      return `occurredAt ${String(e.occurredAt)} lies more than ${AUDIT_EVENT_MAX_SKEW_MS / 60_000} minutes from now`;
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
