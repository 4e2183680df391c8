import { SignJWT, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { TOKEN_ALG, TOKEN_ISSUER, type SigningKey } from '@behorig/kit/auth';
import { verifyChain, type AuditBreakReason, type ChainedEvent, type ChainVerification } from './audit-chain';

/**
 * Signed checkpoints (R-AUDIT-4), as plain functions. A checkpoint is the head of one
 * organisation's chain — `{organisationId, seq, hash, at}` — signed as a JWS (ES256, the key
 * published in the JWKS). The chain alone proves nothing against someone who can rewrite every
 * row and recompute every hash; a checkpoint cannot be recomputed without the private key, so
 * rows that no longer lead to a checkpoint's hash were re-chained, and a checkpoint beyond the
 * last row shows a removed tail. See docs/evidence.md.
 */
export const CHECKPOINT_AUDIENCE = 'behorig-audit-checkpoint';

export interface CheckpointClaims {
  /** null for the chain of events that belong to no organisation (log-ins). */
  organisationId: string | null;
  seq: number;
  hash: string;
  /** ISO-8601 instant the checkpoint was signed. */
  at: string;
}

export async function signCheckpoint(key: SigningKey, c: CheckpointClaims): Promise<string> {
  return new SignJWT({ organisationId: c.organisationId, seq: c.seq, hash: c.hash, at: c.at })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(CHECKPOINT_AUDIENCE)
    .setIssuedAt(Math.floor(Date.parse(c.at) / 1000))
    .sign(key.privateKey);
}

/** The claims of a checkpoint JWS whose signature verifies with `getKey`; throws otherwise. */
export async function verifyCheckpointJws(jws: string, getKey: JWTVerifyGetKey): Promise<CheckpointClaims> {
  const { payload } = await jwtVerify(jws, getKey, { issuer: TOKEN_ISSUER, audience: CHECKPOINT_AUDIENCE, algorithms: [TOKEN_ALG] });
  const { organisationId, seq, hash, at } = payload as Record<string, unknown>;
  if ((organisationId !== null && typeof organisationId !== 'string') || typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1
    || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || typeof at !== 'string') {
    throw new Error('not an audit checkpoint');
  }
  return { organisationId, seq, hash, at };
}

/** A checkpoint as the verifier sees it: its verified claims, or that it did not verify. */
export type CheckedCheckpoint = { seq: number; claims: CheckpointClaims } | { seq: number | null; claims: null };

export interface AuditVerification extends ChainVerification {
  /** The highest seq covered by a valid checkpoint of this chain; null when there is none. */
  lastCheckpointSeq: number | null;
  /** For RECHAINED, TRUNCATED and CHECKPOINT_INVALID: the seq of the checkpoint that caught it. */
  checkpointSeq: number | null;
}

/**
 * Rows against the chain AND the checkpoints of one organisation. The earliest problem wins:
 * a checkpoint that disagrees with rows that still chain correctly means those rows were
 * rewritten and re-chained (reported from the seq after the last checkpoint that still agrees);
 * a valid checkpoint beyond the last row means the tail was cut off.
 */
export function verifyWithCheckpoints(
  organisationId: string | null,
  rows: readonly ChainedEvent[],
  checkpoints: readonly CheckedCheckpoint[],
  start?: { seq: number; prevHash: string },
): AuditVerification {
  const chain = verifyChain(rows, start);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const lastSeq = rows.reduce((m, r) => Math.max(m, r.seq), 0);
  const valid = checkpoints.filter((c): c is { seq: number; claims: CheckpointClaims } => c.claims !== null && c.claims.organisationId === organisationId)
    .sort((a, b) => a.seq - b.seq);
  const lastCheckpointSeq = valid.length ? valid[valid.length - 1].seq : null;
  const result = (v: ChainVerification, checkpointSeq: number | null = null): AuditVerification => ({ ...v, lastCheckpointSeq, checkpointSeq });
  const fail = (firstBrokenSeq: number | null, reason: AuditBreakReason, checkpointSeq: number | null): AuditVerification =>
    result({ ok: false, checked: chain.checked, firstBrokenSeq, reason }, checkpointSeq);

  const invalid = checkpoints.find((c) => c.claims === null || c.claims.organisationId !== organisationId);
  // Rows before the chain break are internally consistent: only there can a checkpoint tell more.
  const chainOkUpTo = chain.ok ? Infinity : chain.firstBrokenSeq! - 1;
  let agreedUpTo = start ? start.seq - 1 : 0;
  for (const cp of valid) {
    if (cp.seq > chainOkUpTo) break;
    if (cp.seq > lastSeq) return fail(lastSeq + 1, 'TRUNCATED', cp.seq);
    const row = bySeq.get(cp.seq);
    if (!row) continue; // before a partial export's first row
    if (row.hash !== cp.claims.hash) return fail(agreedUpTo + 1, 'RECHAINED', cp.seq);
    agreedUpTo = cp.seq;
  }
  if (!chain.ok) return result(chain);
  if (invalid) return fail(null, 'CHECKPOINT_INVALID', invalid.seq);
  return result(chain);
}
