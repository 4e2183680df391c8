import { createTableRelay, type OutboxRelay } from '@behorig/kit/outbox';
import type { ServiceCredentials, UnitFactsRequest } from '@behorig/kit/auth';
import type { Logger } from '@behorig/kit/server';
import { UNIT_FACT_OUTBOX, type UnitFactOutboxRow } from '../modules/unit-facts/unit-facts.store';

/**
 * The access service, where unit and organisation facts go (docs/architecture.md, "Unit facts"):
 * the relay moves `organisations.unit_fact_outbox` rows, in id order, to access's
 * `POST /internal/unit-facts` with this service's own credential (R-AUTH-4). At least once: a row
 * is marked delivered only after access answered 2xx, and access keeps the highest version of
 * each unit, so redelivery changes nothing.
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
    async send(rows) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: await opts.credentials.headers('access'),
        body: JSON.stringify({ facts: rows.map((r) => r.fact) } satisfies UnitFactsRequest),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`access answered ${res.status} to unit facts: ${(await res.text()).slice(0, 200)}`);
    },
  });
}
