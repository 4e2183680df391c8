import { BatchRefusedError, createTableRelay, type OutboxRelay } from '@behorig/kit/outbox';
import type { ServiceCredentials, UnitFactsRequest, UnitFactsResponse } from '@behorig/kit/auth';
import type { Logger } from '@behorig/kit/server';
import { UNIT_FACT_OUTBOX, type UnitFactOutboxRow } from '../modules/unit-facts/unit-facts.store';

/**
 * Answers access may give differently later: its credential check (a key not yet rolled out),
 * a timeout, load. Retried, never held (docs/operations.md, "Unit facts refused").
 */
const PASSING = new Set([401, 403, 408, 429]);

/**
 * The access service, where unit and organisation facts go (docs/architecture.md, "Unit facts"):
 * the relay moves `organisations.unit_fact_outbox` rows, in id order, to access's
 * `POST /internal/unit-facts` with this service's own credential (R-AUTH-4). At least once: a row
 * is marked delivered only after access answered 2xx, and access keeps the highest version of
 * each unit, so redelivery changes nothing.
 *
 * A fact access refuses as malformed (named in its answer's `refused`, or a 4xx for a one-fact
 * delivery) is held on its own — `refused_at`, `refusal` — so later facts, a unit closed among
 * them (R-SCOPE-4), still arrive; an operator re-queues it (docs/operations.md, "Unit facts refused").
 */
export function createUnitFactRelay(opts: { databaseUrl: string; accessInternalUrl: string; credentials: ServiceCredentials; logger?: Logger; batchSize?: number }): OutboxRelay {
  if (opts.credentials.service !== 'organisations') throw new Error(`Unit facts are delivered with organisations' credentials, not ${opts.credentials.service}'s`);
  const endpoint = `${opts.accessInternalUrl.replace(/\/$/, '')}/internal/unit-facts`;
  return createTableRelay<UnitFactOutboxRow>({
    databaseUrl: opts.databaseUrl,
    table: UNIT_FACT_OUTBOX,
    columns: 'id, fact',
    batchSize: opts.batchSize ?? 200,
    logger: opts.logger,
    name: 'unit fact relay',
    holdRefused: true,
    async send(rows) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: await opts.credentials.headers('access'),
        body: JSON.stringify({ facts: rows.map((r) => r.fact) } satisfies UnitFactsRequest),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 400 && res.status < 500 && !PASSING.has(res.status)) {
        const text = await res.text();
        let reason = text.slice(0, 500);
        try { reason = String((JSON.parse(text) as { message?: unknown }).message ?? reason); } catch { /* not JSON: the text itself */ }
        throw new BatchRefusedError(res.status, reason);
      }
      if (!res.ok) throw new Error(`access answered ${res.status} to unit facts: ${(await res.text()).slice(0, 200)}`);
      const answer = (await res.json().catch(() => ({}))) as Partial<UnitFactsResponse>;
      const refused = (answer.refused ?? []).filter((r) => Number.isInteger(r?.index) && r.index >= 0 && r.index < rows.length);
      return { refused: refused.map((r) => ({ id: rows[r.index].id, reason: `access refused the fact: ${String(r.reason).slice(0, 200)}` })) };
    },
  });
}
