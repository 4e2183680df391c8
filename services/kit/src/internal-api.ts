/**
 * Shapes of the service-to-service `/internal/...` calls, declared once so the caller and the
 * callee cannot drift apart (the endpoints themselves: README and internal-auth.ts).
 */

/** access → signing `POST /internal/sign-orders`: start BankID signing of one change set. */
export interface SignOrderRequest {
  organisationId: string;
  changeSetId: string;
  digest: string;
  userVisibleData: string;
  endUserIp: string;
}
