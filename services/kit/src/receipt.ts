import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { TOKEN_ALG, TOKEN_ISSUER, type KeySource, type SigningKey } from './auth';

/**
 * Signing receipts (R-SIGN-3): a compact JWS signed with the signing service's key that binds
 * who signed, when, for which organisation, which change set and the exact digest of it. Anyone
 * holding the published JWKS can verify it offline.
 *
 * The signer is named by name and person id, and by a salted SHA-256 of their personal number
 * (`pnh` = hex SHA-256 of `salt:number`, `pns` = the salt): whoever holds the number can confirm
 * it (`receiptSignedBy`), but the receipt — downloaded, printed, forwarded — never carries the
 * number itself (security by default: personal numbers never where they need not be).
 */
export const RECEIPT_AUDIENCE = 'behorig-receipt';

export interface ReceiptClaims {
  receiptId: string;
  /** The BankID order; null for a service seal (no BankID order). */
  orderRef: string | null;
  /**
   * Null when a person signed with BankID. `authority` for a service seal: the authority's service
   * signed a change set that only takes access away, made by a scheduled job (R-REV-1 deadlines,
   * docs/evidence.md "Service seals"); such a receipt names no person and no personal number.
   */
  sealedBy: 'authority' | null;
  /** The signer's person id (access), null when BankID's signer is not a known person. */
  signerPersonId: string | null;
  signerName: string;
  /** Hex SHA-256 of `${signerNumberSalt}:${personal number}`. */
  signerNumberHash: string;
  signerNumberSalt: string;
  organisationId: string;
  changeSetId: string;
  digest: string;
  signedAt: Date;
}

/** What the signing service knows when it mints a receipt: the number is hashed, never embedded. */
export type ReceiptInput = Omit<ReceiptClaims, 'signerNumberHash' | 'signerNumberSalt' | 'sealedBy' | 'orderRef'> & { orderRef: string; signerPersonalNumber: string };

/** What a service seal binds: no person, no BankID order (docs/evidence.md, "Service seals"). */
export interface ServiceSealInput {
  receiptId: string;
  signerName: string;
  organisationId: string;
  changeSetId: string;
  digest: string;
  signedAt: Date;
}

/** The subject of a service seal: the authority's service, not a person. */
export const SERVICE_SEAL_SUBJECT = 'service:authority';

const numberHash = (salt: string, personalNumber: string) => createHash('sha256').update(`${salt}:${personalNumber}`, 'utf8').digest('hex');

/** Does the receipt name this personal number as its signer? (Constant-time comparison.) */
export function receiptSignedBy(claims: Pick<ReceiptClaims, 'signerNumberHash' | 'signerNumberSalt'>, personalNumber: string): boolean {
  const a = Buffer.from(numberHash(claims.signerNumberSalt, personalNumber), 'hex');
  const b = Buffer.from(claims.signerNumberHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function mintReceipt(key: SigningKey, c: ReceiptInput): Promise<string> {
  const salt = randomBytes(16).toString('base64url');
  return new SignJWT({
    typ: 'receipt',
    ord: c.orderRef,
    pid: c.signerPersonId,
    pnh: numberHash(salt, c.signerPersonalNumber),
    pns: salt,
    name: c.signerName,
    org: c.organisationId,
    cs: c.changeSetId,
    dig: c.digest,
  })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(RECEIPT_AUDIENCE)
    .setJti(c.receiptId)
    .setSubject(c.signerPersonId ? `person:${c.signerPersonId}` : 'person:unknown')
    .setIssuedAt(Math.floor(c.signedAt.getTime() / 1000))
    .sign(key.privateKey);
}

/**
 * A service seal (docs/evidence.md): the same kind of receipt, signed with the same key, but its
 * signer is the authority's service (`seal: "authority"`, subject `service:authority`) and it
 * carries no person, no number hash and no BankID order. Access accepts it only for a change set
 * its own scheduled job made, which only takes access away (R-SIGN-8).
 */
export async function mintServiceSeal(key: SigningKey, c: ServiceSealInput): Promise<string> {
  return new SignJWT({ typ: 'receipt', seal: 'authority', name: c.signerName, org: c.organisationId, cs: c.changeSetId, dig: c.digest })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(RECEIPT_AUDIENCE)
    .setJti(c.receiptId)
    .setSubject(SERVICE_SEAL_SUBJECT)
    .setIssuedAt(Math.floor(c.signedAt.getTime() / 1000))
    .sign(key.privateKey);
}

export type ReceiptVerifier = (token: string) => Promise<ReceiptClaims>;

/** Verifies a receipt (signature, issuer, audience; receipts do not expire). Throws when invalid. */
export function createReceiptVerifier(source: KeySource): ReceiptVerifier {
  const getKey: JWTVerifyGetKey = 'getKey' in source ? source.getKey : 'jwksUrl' in source ? createRemoteJWKSet(new URL(source.jwksUrl)) : createLocalJWKSet(source.jwks);
  return async (token) => {
    const { payload } = await jwtVerify(token, getKey, { issuer: TOKEN_ISSUER, audience: RECEIPT_AUDIENCE, algorithms: [TOKEN_ALG] });
    if (payload.typ !== 'receipt') throw new Error('not a receipt');
    // Receipts issued before numbers were hashed carry `pnr`: read them as hashed with an empty salt.
    const legacy = typeof payload.pnr === 'string' ? payload.pnr : null;
    const sealedBy = payload.seal === 'authority' && payload.sub === SERVICE_SEAL_SUBJECT ? 'authority' as const : null;
    return {
      receiptId: String(payload.jti),
      orderRef: typeof payload.ord === 'string' ? payload.ord : null,
      sealedBy,
      signerPersonId: typeof payload.pid === 'string' ? payload.pid : null,
      signerName: String(payload.name ?? ''),
      signerNumberHash: legacy ? numberHash('', legacy) : String(payload.pnh ?? ''),
      signerNumberSalt: legacy ? '' : String(payload.pns ?? ''),
      organisationId: String(payload.org),
      changeSetId: String(payload.cs),
      digest: String(payload.dig),
      signedAt: new Date(Number(payload.iat) * 1000),
    };
  };
}
