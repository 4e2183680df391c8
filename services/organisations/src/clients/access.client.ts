import { serviceUnavailable, unauthenticated, type Actor } from '@behorig/kit';

/** Function codes of the role matrix (R-ROLE-2a) that this subgraph asks about. */
export type FunctionCode = 'CONTACT_PERSON' | 'ACCOUNT_INFO' | 'PERFORMING_UNIT' | 'MANAGE_USERS' | (string & {});
export type AccessLevel = 'READ' | 'UPDATE';

/**
 * The one question this subgraph asks the access service about permissions (R-ROLE-2): may this actor use
 * `fn` at `access` level in `organisationId` today? The answer lives in the access subgraph
 * (roles, periods, the role matrix); this interface keeps that knowledge out of here.
 *
 * `authorization` is the caller's own `Authorization` header, which the HTTP source forwards so
 * access answers for the same caller (a test double may ignore it).
 */
export interface PermissionSource {
  can(actor: Actor, fn: FunctionCode, access: AccessLevel, organisationId: string, authorization?: string): Promise<boolean>;
}

const MY_ACCESS = `query OrganisationsCan($organisationId: ID!, $function: String!, $access: Access!) {
  myAccess(organisationId: $organisationId, function: $function, access: $access) { allowed reason }
}`;

/**
 * The production PermissionSource: POSTs `myAccess` to the access subgraph (ACCESS_URL) with the
 * caller's Authorization header. An unreachable or failing access service is an error
 * (SERVICE_UNAVAILABLE), never a silent "no" and never a silent "yes".
 */
export function createHttpPermissionSource(opts: { accessUrl: string; timeoutMs?: number }): PermissionSource {
  return {
    async can(_actor, fn, access, organisationId, authorization) {
      if (!authorization) return false;
      let res: Response;
      try {
        res = await fetch(opts.accessUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: MY_ACCESS, variables: { organisationId, function: fn, access } }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
        });
      } catch {
        throw serviceUnavailable('The permission service (access) cannot be reached; try again shortly.', 'PERMISSION_SERVICE_UNAVAILABLE');
      }
      let body: { data?: { myAccess?: { allowed?: unknown } | null } | null; errors?: { extensions?: { code?: string } }[] };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw serviceUnavailable(`The permission service (access) answered HTTP ${res.status} without a GraphQL response.`, 'PERMISSION_SERVICE_UNAVAILABLE');
      }
      if (body.errors?.length) {
        if (body.errors[0].extensions?.code === 'UNAUTHENTICATED') throw unauthenticated();
        throw serviceUnavailable('The permission service (access) could not answer the permission question.', 'PERMISSION_SERVICE_UNAVAILABLE');
      }
      const allowed = body.data?.myAccess?.allowed;
      if (typeof allowed !== 'boolean') throw serviceUnavailable('The permission service (access) gave no decision.', 'PERMISSION_SERVICE_UNAVAILABLE');
      return allowed;
    },
  };
}
