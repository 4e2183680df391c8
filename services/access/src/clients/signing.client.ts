import type { ServiceCredentials, ServiceSealRequest, ServiceSealResponse, SignOrderRequest } from '@behorig/kit/auth';

export type { SignOrderRequest };

/** Starts a BankID sign order at the signing service (its internal endpoint). */
export interface SigningClient {
  startSignOrder(req: SignOrderRequest, authorization: string | undefined): Promise<{ orderRef: string }>;
  /** R-SIGN-7: cancels the BankID order of a set that was edited while being signed. */
  cancelSignOrder(orderRef: string): Promise<void>;
  /** R-REV-1 at a review's deadline: the authority's service seals a set that only takes access away (docs/evidence.md). */
  sealServiceChangeSet(req: ServiceSealRequest): Promise<ServiceSealResponse>;
  /** R-NOTE-1 with R-HOOK-1: the organisation's event subscriptions disabled after a day of failures, since a day. */
  disabledSubscriptions(organisationId: string, since: string): Promise<{ id: string; url: string; disabledAt: string }[]>;
}

/** BankID (or the signing service) could not be reached: the caller answers SERVICE_UNAVAILABLE. */
export class SigningUnavailableError extends Error {}

export function createHttpSigningClient(signingInternalUrl: string, credentials: ServiceCredentials): SigningClient {
  return {
    async startSignOrder(req, authorization) {
      let res: Response;
      try {
        res = await fetch(`${signingInternalUrl.replace(/\/$/, '')}/internal/sign-orders`, {
          method: 'POST',
          headers: await credentials.headers('signing', { authorization }),
          body: JSON.stringify(req),
        });
      } catch (e) {
        throw new SigningUnavailableError(`The signing service cannot be reached: ${(e as Error).message}`);
      }
      const body = (await res.json().catch(() => ({}))) as { orderRef?: string; error?: string; message?: string };
      if (res.status === 200 && typeof body.orderRef === 'string') return { orderRef: body.orderRef };
      if (res.status === 503) throw new SigningUnavailableError('BankID cannot be reached right now; your changes are kept. Try again later.');
      throw new Error(`The signing service refused the sign order (HTTP ${res.status}: ${body.error ?? body.message ?? 'no reason'}).`);
    },
    async cancelSignOrder(orderRef) {
      const res = await fetch(`${signingInternalUrl.replace(/\/$/, '')}/internal/sign-orders/${encodeURIComponent(orderRef)}/cancel`, {
        method: 'POST', headers: await credentials.headers('signing'), body: '{}', signal: AbortSignal.timeout(5000),
      });
      if (!res.ok && res.status !== 404) throw new Error(`The signing service did not cancel the order (HTTP ${res.status}).`);
    },
    async sealServiceChangeSet(req) {
      let res: Response;
      try {
        res = await fetch(`${signingInternalUrl.replace(/\/$/, '')}/internal/service-seals`, {
          method: 'POST', headers: await credentials.headers('signing'), body: JSON.stringify(req), signal: AbortSignal.timeout(10_000),
        });
      } catch (e) {
        throw new SigningUnavailableError(`The signing service cannot be reached: ${(e as Error).message}`);
      }
      const body = (await res.json().catch(() => ({}))) as Partial<ServiceSealResponse> & { error?: string; message?: string };
      if (res.status === 200 && typeof body.token === 'string' && typeof body.receiptId === 'string') return { receiptId: body.receiptId, token: body.token, alreadySealed: Boolean(body.alreadySealed) };
      throw new Error(`The signing service did not seal the change set (HTTP ${res.status}: ${body.error ?? body.message ?? 'no reason'}).`);
    },
    async disabledSubscriptions(organisationId, since) {
      const res = await fetch(`${signingInternalUrl.replace(/\/$/, '')}/internal/organisations/${encodeURIComponent(organisationId)}/disabled-event-subscriptions?since=${encodeURIComponent(since)}`, {
        headers: await credentials.headers('signing'), signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new SigningUnavailableError(`The signing service did not list disabled subscriptions (HTTP ${res.status}).`);
      return ((await res.json()) as { subscriptions: { id: string; url: string; disabledAt: string }[] }).subscriptions;
    },
  };
}
