import type { ServiceCredentials } from '@behorig/kit/auth';

/**
 * Every call signing makes to the access service's internal endpoints (docs/architecture.md,
 * "Service-to-service endpoints"), behind one small interface so tests can point it at a tiny
 * local server: who a personal number is (R-AUTH-1), the number a sign order is bound to, and
 * applying or ending a signed change set (R-SIGN-4, R-SIGN-7). Permission questions (`myAccess`)
 * go through kit's PermissionClient (`@behorig/kit/permissions`, wired in server.ts).
 */
export interface AccessPerson {
  personId: string;
  givenName: string;
  surname: string;
  hasActiveMembership: boolean;
}

export type ApplyOutcome =
  | { kind: 'applied'; alreadyApplied: boolean }
  /** A definite refusal (403/409 and other 4xx): retrying would not change it. */
  | { kind: 'refused'; error: string };

export interface AccessClient {
  personByPersonalNumber(personalNumber: string): Promise<AccessPerson | null>;
  /**
   * The person's personal number, read from access's sealed record: BankID's sign requirement
   * needs it, and session tokens name the person by id only. Null when there is no such person.
   */
  personalNumberOf(personId: string): Promise<string | null>;
  /**
   * R-USR-5: after the person's own log-in, BankID's name for them; access corrects the identity
   * row (with an audit event) when it differs. The number is not sent: the person is named by id.
   */
  bankIdName(personId: string, name: { givenName: string; surname: string; orderRef: string }): Promise<{ corrected: boolean }>;
  /** Throws AccessUnavailableError when there is no definite answer (network, 5xx): retry later. */
  applyChangeSet(changeSetId: string, receipt: string): Promise<ApplyOutcome>;
  /**
   * R-SIGN-7: the set's BankID order ended unsigned; access returns it to DRAFT with an audit event.
   * Throws AccessUnavailableError when there is no definite answer: the collector reports again.
   */
  signingEnded(changeSetId: string, ended: { orderRef: string; digest: string; reason: string }): Promise<void>;
}

export class AccessUnavailableError extends Error {
  override readonly name = 'AccessUnavailableError';
}

export function createAccessClient(opts: { internalUrl: string; credentials: ServiceCredentials; timeoutMs?: number }): AccessClient {
  const base = opts.internalUrl.replace(/\/$/, '');
  const timeout = () => AbortSignal.timeout(opts.timeoutMs ?? 5000);
  const call = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(url, { ...init, signal: timeout() });
    } catch (e) {
      throw new AccessUnavailableError(`The access service cannot be reached (${url}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
  return {
    async personByPersonalNumber(pnr) {
      const res = await call(`${base}/internal/people/by-personal-number/${encodeURIComponent(pnr)}`, { headers: await opts.credentials.headers('access') });
      if (res.status === 404) return null;
      if (!res.ok) throw new AccessUnavailableError(`The access service answered ${res.status} for a person look-up.`);
      return (await res.json()) as AccessPerson;
    },
    async personalNumberOf(personId) {
      const res = await call(`${base}/internal/people/${encodeURIComponent(personId)}/personal-number`, { headers: await opts.credentials.headers('access') });
      if (res.status === 404) return null;
      if (!res.ok) throw new AccessUnavailableError(`The access service answered ${res.status} for a personal-number look-up.`);
      return ((await res.json()) as { personalNumber: string }).personalNumber;
    },
    async bankIdName(personId, name) {
      const res = await call(`${base}/internal/people/${encodeURIComponent(personId)}/bankid-name`, {
        method: 'POST',
        headers: await opts.credentials.headers('access'),
        body: JSON.stringify(name),
      });
      if (!res.ok) throw new AccessUnavailableError(`The access service answered ${res.status} for a BankID name.`);
      return { corrected: ((await res.json()) as { corrected?: boolean }).corrected === true };
    },
    async applyChangeSet(changeSetId, receipt) {
      const res = await call(`${base}/internal/change-sets/${encodeURIComponent(changeSetId)}/apply`, {
        method: 'POST',
        headers: await opts.credentials.headers('access'),
        body: JSON.stringify({ receipt }),
      });
      const body = (await res.json().catch(() => ({}))) as { alreadyApplied?: boolean; error?: string };
      if (res.ok) return { kind: 'applied', alreadyApplied: body.alreadyApplied === true };
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        return { kind: 'refused', error: body.error ?? `http_${res.status}` };
      }
      throw new AccessUnavailableError(`The access service answered ${res.status} when applying change set ${changeSetId}.`);
    },
    async signingEnded(changeSetId, ended) {
      const res = await call(`${base}/internal/change-sets/${encodeURIComponent(changeSetId)}/signing-ended`, {
        method: 'POST',
        headers: await opts.credentials.headers('access'),
        body: JSON.stringify(ended),
      });
      // 4xx is a definite answer too (an unknown set has nothing to return to draft).
      if (res.status >= 500 || res.status === 408 || res.status === 429) throw new AccessUnavailableError(`The access service answered ${res.status} when ending the signing of ${changeSetId}.`);
    },
  };
}
