import { randomBytes } from 'node:crypto';
import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import type { System } from '../support/system';

/**
 * The actors of the security suites, all aimed at Aratron AB (the demo supplier): a reader, a
 * service administrator and a permission administrator of Aratron; a permission administrator
 * of ANOTHER organisation (Arvid Aronsson of Dorotea); the authority; a partner system of Aratron
 * registered through the real API and holding a token from the real OAuth2 endpoint; and nobody.
 */
export const person = (givenName: string) => {
  const p = DEMO.people.find((x) => x.givenName === givenName);
  if (!p) throw new Error(`no demo person ${givenName}`);
  return p;
};
export const ARATRON = DEMO.organisations.aratron.id;
export const DOROTEA = DEMO.organisations.dorotea.id;
export const VUX = DEMO.organisations.vux.id;
export const ARATRON_UNIT = DEMO.units.aratronStod.id;

export const ACTORS = ['nobody', 'otherOrg', 'reader', 'serviceAdmin', 'permissionAdmin', 'authority', 'client'] as const;
export type ActorKey = (typeof ACTORS)[number];
/** The partner system's functions: organisation data, but not users or accounts. */
export const CLIENT_FUNCTIONS = ['CONTACT_PERSON', 'PERFORMING_UNIT'];

export type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Session tokens exactly as completeLogin mints them (person id + personal number), and a real partner token. */
export async function actorTokens(sys: System): Promise<Record<ActorKey, string | undefined>> {
  const session = async (givenName: string, authority = false) => {
    const p = person(givenName);
    return (await mintToken(sys.keys.key, { kind: 'person', personId: p.id, authority })).token;
  };
  const authority = await session('Tolvan', true);
  const client = await partnerToken(sys, authority, ARATRON, CLIENT_FUNCTIONS);
  return {
    nobody: undefined,
    otherOrg: await session('Arvid'),
    reader: await session('Agda'),
    serviceAdmin: await session('Viking'),
    permissionAdmin: await session('Fridolf'),
    authority,
    client,
  };
}

/** Registers a partner system through the API and fetches its token from the real OAuth2 endpoint (R-AUTH-2). */
export async function partnerToken(sys: System, adminToken: string, organisationId: string, functions: string[]): Promise<string> {
  const registered = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!, $n: String!, $f: [String!]!) { registerApiClient(organisationId: $o, name: $n, functions: $f) { client { id } clientSecret } }`,
    { o: organisationId, n: fresh('Fackverksamhetssystem'), f: functions }, adminToken);
  if (registered.errors) throw new Error(`registerApiClient: ${JSON.stringify(registered.errors)}`);
  const { client: { id: clientId }, clientSecret } = registered.data.registerApiClient;
  // At the gateway's public address, as a partner system reaches it (the subgraphs are not published).
  const res = await fetch(`${sys.gatewayBase}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  if (!res.ok) throw new Error(`oauth/token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A fresh, valid personal number of a grown-up (R-ID-1), 12-digit form. */
export function freshPersonalNumber(): string {
  const n = randomBytes(4).readUInt32BE(0);
  const yyyy = 1950 + (n % 50);
  const mm = String(1 + ((n >>> 8) % 12)).padStart(2, '0');
  const dd = String(1 + ((n >>> 12) % 28)).padStart(2, '0');
  const serial = String((n >>> 16) % 1000).padStart(3, '0');
  const nine = `${String(yyyy).slice(2)}${mm}${dd}${serial}`;
  return `${yyyy}${mm}${dd}${serial}${luhnCheckDigit(nine)}`;
}

/** A fresh organisation number (R-ID-3): 5xxxxx-xxxx, digits 3–4 ≥ 20. */
export function freshOrgNumber(): string {
  const n = randomBytes(4).readUInt32BE(0);
  const first9 = `55${20 + (n % 80)}${String((n >>> 8) % 100000).padStart(5, '0')}`;
  return `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;
}

/** A fresh valid bankgiro number (8 digits, Luhn), written NNNN-NNNN. */
export function freshBankgiro(): string {
  const seven = String(randomBytes(4).readUInt32BE(0) % 10_000_000).padStart(7, '0');
  // Luhn: from the right, the digit next to the check digit is doubled.
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(seven[6 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  const digits = `${seven}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** A unique plain name (R-SIGN-6 allows letters, spaces, hyphens and apostrophes only: no digits). */
export const fresh = (label: string) => `${label} ${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
