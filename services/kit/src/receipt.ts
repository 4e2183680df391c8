import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { TOKEN_ALG, TOKEN_ISSUER, type KeySource, type SigningKey } from './auth';

/**
 * Signing receipts (R-SIGN-3): a compact JWS signed with the signing service's key that binds
 * who signed (personal number), when, for which organisation, which change set and the exact
 * digest of it. Anyone holding the published JWKS can verify it offline.
 */
export const RECEIPT_AUDIENCE = 'behorig-receipt';

export interface ReceiptClaims {
  receiptId: string;
  orderRef: string;
  signerPersonalNumber: string;
  signerName: string;
  organisationId: string;
  changeSetId: string;
  digest: string;
  signedAt: Date;
}

export async function mintReceipt(key: SigningKey, c: ReceiptClaims): Promise<string> {
  return new SignJWT({
    typ: 'receipt',
    ord: c.orderRef,
    pnr: c.signerPersonalNumber,
    name: c.signerName,
    org: c.organisationId,
    cs: c.changeSetId,
    dig: c.digest,
  })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(RECEIPT_AUDIENCE)
    .setJti(c.receiptId)
    .setSubject(`person:${c.signerPersonalNumber}`)
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
    return {
      receiptId: String(payload.jti),
      orderRef: String(payload.ord),
      signerPersonalNumber: String(payload.pnr),
      signerName: String(payload.name ?? ''),
      organisationId: String(payload.org),
      changeSetId: String(payload.cs),
      digest: String(payload.dig),
      signedAt: new Date(Number(payload.iat) * 1000),
    };
  };
}
