import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { ChainedEvent } from './audit-chain';
import { verifyCheckpointJws, verifyWithCheckpoints, type AuditVerification, type CheckedCheckpoint } from './audit-checkpoint';

/**
 * Offline verification of a `GET /audit/export` file (R-AUDIT-4) with nothing but the JWKS:
 * the same checks as `verifyAuditLog`, reported by line number. See docs/evidence.md.
 */
export interface ExportVerification extends AuditVerification {
  organisationId: string | null;
  events: number;
  checkpoints: number;
  /** 1-based line of the first problem, or null when everything verifies. */
  line: number | null;
  /** One sentence for people. */
  message: string;
}

type EventLine = ChainedEvent & { line: number };

const EXPLAIN: Record<string, string> = {
  ROW_EDITED: "the event's content no longer matches its hash (it was edited)",
  ROW_MISSING: 'an event is missing here (it was deleted)',
  ROW_INSERTED: 'an event was slipped in here (later events were renumbered)',
  LINK_BROKEN: 'the event does not link to the hash of the event before it (that one was replaced)',
  RECHAINED: 'the events from here on were rewritten and re-chained: they do not lead to the hash a signed checkpoint recorded',
  TRUNCATED: 'a signed checkpoint names events that are not in the export (the tail was cut off)',
  CHECKPOINT_INVALID: 'the checkpoint does not verify with the given keys, or does not belong to this organisation',
  NOT_JSON: 'the line is not a JSON object of the export format',
};

export async function verifyExport(text: string, jwks: JSONWebKeySet): Promise<ExportVerification> {
  const getKey = createLocalJWKSet(jwks);
  const lines = text.split('\n');
  const events: EventLine[] = [];
  const checkpoints: (CheckedCheckpoint & { line: number })[] = [];
  let organisationId: string | null | undefined;
  const broken = (line: number, reason: string, firstBrokenSeq: number | null = null): ExportVerification => ({
    ok: false, checked: events.length, firstBrokenSeq, reason: reason as AuditVerification['reason'], lastCheckpointSeq: null, checkpointSeq: null,
    organisationId: organisationId ?? null, events: events.length, checkpoints: checkpoints.length, line,
    message: `line ${line}${firstBrokenSeq ? ` (seq ${firstBrokenSeq})` : ''}: ${reason} — ${EXPLAIN[reason]}`,
  });

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(raw);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    } catch {
      return broken(i + 1, 'NOT_JSON');
    }
    const org = (v.organisationId ?? null) as string | null;
    if (organisationId === undefined) organisationId = org;
    else if (org !== organisationId) return broken(i + 1, v.type === 'checkpoint' ? 'CHECKPOINT_INVALID' : 'ROW_INSERTED', typeof v.seq === 'number' ? v.seq : null);
    if (v.type === 'checkpoint') {
      try {
        const claims = await verifyCheckpointJws(String(v.jws), getKey);
        // The plain fields beside the JWS are for reading; they must say what the JWS says.
        if (claims.organisationId !== org || claims.seq !== v.seq || claims.hash !== v.hash) throw new Error('fields differ from the JWS');
        checkpoints.push({ seq: claims.seq, claims, line: i + 1 });
      } catch {
        return broken(i + 1, 'CHECKPOINT_INVALID', null);
      }
      continue;
    }
    if (typeof v.seq !== 'number' || typeof v.hash !== 'string' || typeof v.prevHash !== 'string' || typeof v.at !== 'string') return broken(i + 1, 'NOT_JSON');
    events.push({
      organisationId: org, seq: v.seq, at: new Date(v.at), actor: String(v.actor), actorPersonId: (v.actorPersonId ?? null) as string | null,
      action: String(v.action), target: String(v.target), before: v.before ?? null, after: v.after ?? null, source: String(v.source),
      sourceId: (v.sourceId ?? null) as string | null, receiptId: (v.receiptId ?? null) as string | null, hash: v.hash, prevHash: v.prevHash, line: i + 1,
    });
  }

  // A period export starts after genesis: its first event's predecessor is taken as given.
  const first = [...events].sort((a, b) => a.seq - b.seq)[0];
  const start = first && first.seq > 1 ? { seq: first.seq, prevHash: first.prevHash } : undefined;
  const result = verifyWithCheckpoints(organisationId ?? null, events, checkpoints, start);
  const summary = { ...result, organisationId: organisationId ?? null, events: events.length, checkpoints: checkpoints.length };
  if (result.ok) {
    return {
      ...summary, line: null,
      message: `OK: ${events.length} events${start ? ` (seq ${start.seq}…)` : ''} and ${checkpoints.length} signed checkpoints verify; the last checkpoint covers seq ${result.lastCheckpointSeq ?? '—'}.`,
    };
  }
  const cpLine = checkpoints.find((c) => c.seq === result.checkpointSeq)?.line ?? null;
  const eventLine = result.firstBrokenSeq === null ? null
    : (events.find((e) => e.seq === result.firstBrokenSeq) ?? events.filter((e) => e.seq > result.firstBrokenSeq!).sort((a, b) => a.line - b.line)[0])?.line ?? null;
  const line = (result.reason === 'TRUNCATED' ? cpLine : eventLine ?? cpLine) ?? lines.length;
  const caught = cpLine && cpLine !== line ? ` (caught by the checkpoint on line ${cpLine})` : '';
  return {
    ...summary, line,
    message: `line ${line}${result.firstBrokenSeq ? ` (seq ${result.firstBrokenSeq})` : ''}: ${result.reason} — ${EXPLAIN[result.reason!]}${caught}.`,
  };
}
