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
