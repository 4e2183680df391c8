import type { UnitFact } from '@behorig/kit/auth';
import { defineTable, type Db } from '@behorig/kit/db';
import { uuidsOnly } from '../shared/db';

/** The columns of the fact outbox (the schema-agreement test checks them against the migrations). */
const OUTBOX = defineTable('organisations.unit_fact_outbox', ['id', 'occurred_at', 'fact', 'delivered_at', 'refused_at', 'refusal']);
export const tables = [OUTBOX];

/** The qualified table the fact relay reads (clients/access-facts.client.ts). */
export const UNIT_FACT_OUTBOX = OUTBOX.name;

/**
 * All SQL of publishing unit facts (docs/architecture.md, "Unit facts"). Called inside the
 * transaction that changed the unit or organisation, after the change: the version is bumped
 * first (which locks the row, so a concurrent publication of the same unit waits and then reads
 * this one's committed state), then the whole current snapshot goes into the outbox. Two
 * statements whatever the number of units.
 */
export async function publishUnitFacts(db: Db, unitIds: readonly string[]): Promise<void> {
  const ids = [...new Set(uuidsOnly(unitIds))];
  if (ids.length === 0) return;
  await db.execute(`UPDATE organisations.unit SET fact_version = fact_version + 1 WHERE id IN (?)`, [ids]);
  await db.execute(
    `INSERT INTO organisations.unit_fact_outbox (fact)
     SELECT jsonb_build_object('kind', 'unit', 'unitId', u.id, 'organisationId', u.organisation_id, 'serviceCode', u.service_code,
              'name', u.name, 'closed', u.closed_at IS NOT NULL,
              'schoolFormCodes', coalesce((SELECT jsonb_agg(f.school_form_code ORDER BY f.school_form_code) FROM organisations.unit_school_form f WHERE f.unit_id = u.id), '[]'::jsonb),
              'addressIds', coalesce((SELECT jsonb_agg(a.id ORDER BY a.id) FROM organisations.address a WHERE a.unit_id = u.id), '[]'::jsonb),
              'version', u.fact_version)
       FROM organisations.unit u WHERE u.id IN (?) ORDER BY u.id`,
    [ids],
  );
}

/** The same for organisations (their name), with their own version. */
export async function publishOrganisationFacts(db: Db, organisationIds: readonly string[]): Promise<void> {
  const ids = [...new Set(uuidsOnly(organisationIds))];
  if (ids.length === 0) return;
  await db.execute(`UPDATE organisations.organisation SET fact_version = fact_version + 1 WHERE id IN (?)`, [ids]);
  await db.execute(
    `INSERT INTO organisations.unit_fact_outbox (fact)
     SELECT jsonb_build_object('kind', 'organisation', 'organisationId', o.id, 'name', o.name, 'version', o.fact_version)
       FROM organisations.organisation o WHERE o.id IN (?) ORDER BY o.id`,
    [ids],
  );
}

/**
 * The outbox's backlog for the metrics (docs/operations.md, "Metrics"): facts waiting for delivery,
 * and facts access refused that are held until an operator re-queues them.
 */
export async function countUnitFactBacklog(db: Db): Promise<{ undelivered: number; held: number }> {
  const [row] = await db.execute<{ undelivered: string; held: string }[]>(
    `SELECT count(*) FILTER (WHERE refused_at IS NULL) AS undelivered, count(*) FILTER (WHERE refused_at IS NOT NULL) AS held
       FROM organisations.unit_fact_outbox WHERE delivered_at IS NULL`,
  );
  return { undelivered: Number(row.undelivered), held: Number(row.held) };
}

/** An outbox row as the relay reads it. */
export interface UnitFactOutboxRow { id: string; fact: UnitFact }
