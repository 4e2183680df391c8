import { Client, fetchExchange, type CombinedError } from 'urql';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { clearToken, getToken } from '../auth/session';
import { config } from '../config';

/** Normalisation keys: the federation keys, and `null` (embedded) for types without an id. */
export const keys: KeyingConfig = {
  Service: (s) => (s.code as string) ?? null,
  SchoolForm: (s) => (s.code as string) ?? null,
  Role: (r) => (r.code as string) ?? null,
  SigningOrder: (o) => (o.orderRef as string) ?? null,
  Receipt: (r) => (r.id as string) ?? null,
  Membership: () => null,
  PermissionScope: () => null,
  FunctionGrant: () => null,
  PageInfo: () => null,
  OrganisationConnection: () => null,
  OrganisationEdge: () => null,
  StaffConnection: () => null,
  StaffEdge: () => null,
  AuditEventConnection: () => null,
  AuditEventEdge: () => null,
  AuditVerification: () => null,
  AccessDecision: () => null,
  EndEmploymentPreview: () => null,
  EmploymentAssignment: () => null,
  PersonSummary: () => null,
  Employment: () => null,
  ReceiptConnection: () => null,
  ReceiptEdge: () => null,
  Session: () => null,
};

type Vars = Record<string, unknown>;
const orgRef = (args: Vars) => ({ __typename: 'Organisation', id: String(args.organisationId) });

/** After a mutation, drop the lists it changes instead of refetching everything. */
function invalidateOrgFields(cache: Cache, args: Vars, fields: string[]) {
  for (const f of fields) cache.invalidate(orgRef(args), f);
}

export const updates = {
  Mutation: {
    proposeStaff: (_r: unknown, args: Vars, cache: Cache) => invalidateOrgFields(cache, args, ['changesToSign']),
    proposeStaffChange: (_r: unknown, args: Vars, cache: Cache) => invalidateOrgFields(cache, args, ['changesToSign']),
    proposeStaffRemoval: (_r: unknown, args: Vars, cache: Cache) => invalidateOrgFields(cache, args, ['changesToSign']),
    // R-SIGN-8: a later end date lands in the changes to sign; an earlier one changes the staff list.
    changeAuthorisationPeriod: (_r: unknown, args: Vars, cache: Cache) => invalidateOrgFields(cache, args, ['staff', 'auditLog', 'changesToSign']),
    endEmployment: (_r: unknown, args: Vars, cache: Cache) => invalidateOrgFields(cache, (args.input ?? {}) as Vars, ['staff', 'auditLog']),
  },
};

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || error?.response?.status === 401;
}

export function createClient(url: string, onLoggedOut: () => void): Client {
  return new Client({
    url,
    preferGetMethod: false, // Apollo's CSRF guard blocks GET
    // Client awareness (docs/operations.md): the gateway counts and logs requests by client.
    fetchOptions: { headers: { 'apollographql-client-name': config.clientName, 'apollographql-client-version': config.clientVersion } },
    // Normalised cache first; lists that others change ask for cache-and-network themselves.
    requestPolicy: 'cache-first',
    exchanges: [
      cacheExchange({ keys, updates }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = getToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        didAuthError: (error) => isUnauthenticated(error),
        async refreshAuth() {
          // A session cannot be refreshed: back to log-in.
          clearToken();
          onLoggedOut();
        },
      })),
      // Persisted documents (docs/operations.md): the hash of the text graphcache produced, which
      // the gateway knows from web/persisted-documents.json; the text follows only if it does not.
      persistedExchange({ preferGetForPersistedQueries: false, enableForMutation: true }),
      fetchExchange,
    ],
  });
}
