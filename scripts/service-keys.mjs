#!/usr/bin/env node
// Generates one ES256 key per service for service credentials (R-AUTH-4, docs/security.md) and
// prints them as environment lines: <NAME>_SERVICE_PRIVATE_JWK for each service (give each service
// only its own, as SERVICE_PRIVATE_JWK) and SERVICE_PUBLIC_KEYS (all four public halves, for every
// service). For docker compose: `node scripts/service-keys.mjs >> .env`; for Kubernetes, put each
// private key in deploy/kubernetes/overlays/production/secrets/service-key-<name>.env and the
// public keys in secrets/service-public-keys.env (docs/deploy.md).
import { exportJWK, generateKeyPair } from 'jose';

const services = ['gateway', 'organisations', 'access', 'signing'];
const publicKeys = {};
for (const service of services) {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: `service-${service}-${Date.now().toString(36)}` };
  const { d: _private, ...publicJwk } = jwk;
  publicKeys[service] = { keys: [publicJwk] };
  console.log(`${service.toUpperCase()}_SERVICE_PRIVATE_JWK='${JSON.stringify(jwk)}'`);
}
console.log(`SERVICE_PUBLIC_KEYS='${JSON.stringify(publicKeys)}'`);
