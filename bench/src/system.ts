import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyJwk, mintToken, signingKeyFromJwk, type SigningKey } from '@behorig/kit/auth';
import { DEMO } from '@behorig/kit/demo';
import { personalNumberKeyFrom } from '@behorig/kit/vault';

/**
 * The runtime a user runs, for the bench: the COMPILED services (`npm run build` → dist/, started
 * as `node --conditions=dist dist/index.js`, the images' command) with NODE_ENV=production, so the
 * figures include neither tsx nor development-only code paths.
 *
 * Production refuses every generated or default secret, so everything is named here explicitly:
 * - service credentials (R-AUTH-4) and the session-token key: fresh ES256 keys made for this run
 *   only (written under .data/bench/keys, mode 0600, never committed, never reused as defaults);
 * - PERSONAL_NUMBER_KEY: the key that sealed the scale data's personal numbers (seed:scale used
 *   PERSONAL_NUMBER_KEY or the development key file), passed by value;
 * - BankID: the simulator stands in for BankID's RP API (it is not part of the product and refuses
 *   production itself, so it alone runs as development); signing gets its URL, CA, client
 *   certificate and the authority's personal number as explicit variables.
 * Session tokens are minted here with the run's token key (`npm run token` is refused in production).
 */

export const SERVICES = ['signing', 'organisations', 'access', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** dist/ entry point of a service, relative to the repository root. */
export const distEntry = (s: ServiceName | 'bankid-simulator') =>
  s === 'gateway' ? 'gateway/dist/index.js' : s === 'bankid-simulator' ? 'services/signing/dist/bankid/simulator-main.js' : `services/${s}/dist/index.js`;
const srcDir = (s: ServiceName | 'kit') => (s === 'gateway' ? 'gateway/src' : `services/${s}/src`);
const distDir = (s: ServiceName | 'kit') => (s === 'gateway' ? 'gateway/dist' : `services/${s}/dist`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|js|graphql|sql)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Refuses to measure a stale build: every service's (and kit's) dist/ must be newer than its sources. */
export function assertFreshBuild(root: string): void {
  const stale: string[] = [];
  for (const s of [...SERVICES, 'kit'] as const) {
    const dist = join(root, distDir(s));
    if (!existsSync(dist)) { stale.push(`${distDir(s)} is missing`); continue; }
    if (newestMtime(join(root, srcDir(s))) > newestMtime(dist)) stale.push(`${srcDir(s)} is newer than ${distDir(s)}`);
  }
  if (stale.length) throw new Error(`The bench runs the compiled services: run npm run build first (${stale.join('; ')}).`);
}

export interface RunSecrets {
  /** Environment for every service (service credentials per service added by `envFor`). */
  envFor: (s: ServiceName) => Record<string, string>;
  tokenKey: SigningKey;
  /** A session token as the log-in would mint it: a demo person by number, or the authority. */
  token: (personalNumber: string) => Promise<string>;
}

/** Fresh keys for this run, and the scale data's personal-number key (see the module comment). */
export async function runSecrets(o: { keysDir: string; personalNumberKey: string | undefined; personalNumberKeyFile: string; authority: string }): Promise<RunSecrets> {
  let pnKey = o.personalNumberKey;
  if (!pnKey) {
    if (!existsSync(o.personalNumberKeyFile)) throw new Error(`The key that sealed the scale data is not at ${o.personalNumberKeyFile}: set PERSONAL_NUMBER_KEY(_FILE) as for npm run seed:scale.`);
    pnKey = readFileSync(o.personalNumberKeyFile, 'utf8').trim();
  }
  personalNumberKeyFrom(pnKey); // refuses a malformed key before any service starts
  mkdirSync(o.keysDir, { recursive: true, mode: 0o700 });
  const privateJwks: Record<string, Record<string, unknown>> = {};
  const publicJwks: Record<string, Record<string, unknown>> = {};
  for (const s of SERVICES) {
    const jwk = await generateSigningKeyJwk();
    privateJwks[s] = { ...jwk, kid: `bench-service-${s}-${jwk.kid}` };
    const { d: _d, ...pub } = privateJwks[s];
    publicJwks[s] = pub;
  }
  const tokenJwk = await generateSigningKeyJwk();
  writeFileSync(join(o.keysDir, 'run-keys.json'), JSON.stringify({ services: privateJwks, token: tokenJwk }), { mode: 0o600 });
  const tokenKey = await signingKeyFromJwk(tokenJwk);
  const servicePublicKeys = JSON.stringify(publicJwks);
  return {
    tokenKey,
    envFor: (s) => ({
      NODE_ENV: 'production',
      SERVICE_PRIVATE_JWK: JSON.stringify(privateJwks[s]),
      SERVICE_PUBLIC_KEYS: servicePublicKeys,
      ...(s === 'gateway' ? {} : { PERSONAL_NUMBER_KEY: pnKey! }),
      ...(s === 'signing' ? { SIGNING_PRIVATE_JWK: JSON.stringify(tokenJwk), AUTHORITY_PERSONAL_NUMBERS: o.authority } : {}),
    }),
    token: async (personalNumber) => {
      const authority = personalNumber === o.authority;
      const personId = DEMO.people.find((p) => p.personalNumber === personalNumber)?.id ?? null;
      if (!personId && !authority) throw new Error(`bench tokens are for demo people and the authority, not ${personalNumber}`);
      // Three hours: longer than any bench run, still a token that expires.
      return (await mintToken(tokenKey, { kind: 'person', personId, authority }, 3 * 3600)).token;
    },
  };
}

/** The simulator's files, as signing must name them in production (services/signing env.ts). */
export const bankIdFiles = (simulatorDir: string, rpPort: number) => ({
  BANKID_URL: `https://localhost:${rpPort}/rp/v6.0/`,
  BANKID_CA_FILE: join(simulatorDir, 'ca.pem'),
  BANKID_CLIENT_CERT_FILE: join(simulatorDir, 'client.pem'),
  BANKID_CLIENT_KEY_FILE: join(simulatorDir, 'client-key.pem'),
  // The simulator makes names up for numbers it does not know (R-USR-5 is for real BankID).
  BANKID_NAME_CORRECTION: 'off',
});
