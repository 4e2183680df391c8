import http from 'node:http';
import pg from 'pg';
import { stockholmDate } from '@behorig/kit/dates';

/**
 * THE FLOOR of the benchmark: the same answers as the gateway gives for scenarios 1–3 and 6, each from
 * ONE hand-written SQL statement over `pg` behind a bare node:http handler — no GraphQL, no
 * federation, no ORM, no authentication. What our stack costs on top of this is the overhead the
 * bench measures. The JSON is shaped exactly like the gateway's `data`, and bench.ts compares a
 * sample of answers with the gateway's before it measures anything.
 *
 * Run: `tsx bench/src/floor-server.ts <databaseUrl> <port>`; POST /scopes, /check, /staff, /whoCan.
 */

/** R-SCOPE-1 as SQL: active assignments, unit-scoped roles only where the person has a current unit; org-wide roles list every unit of the organisation (R-USR-3). */
export const SCOPES_SQL = `
WITH ms AS (SELECT id, organisation_id FROM access.membership WHERE person_id = $1),
u AS (SELECT DISTINCT ms.organisation_id, mu.unit_id FROM ms JOIN access.membership_unit mu ON mu.membership_id = ms.id
       WHERE mu.valid_to IS NULL OR mu.valid_to >= $2::date),
s AS (SELECT ms.organisation_id, r.org_wide_only, ra.role_code, ra.valid_from, ra.valid_to
        FROM ms JOIN access.role_assignment ra ON ra.membership_id = ms.id JOIN access.role r ON r.code = ra.role_code
       WHERE ra.valid_from <= $2::date AND (ra.valid_to IS NULL OR ra.valid_to >= $2::date)
         AND (r.org_wide_only OR EXISTS (SELECT 1 FROM u WHERE u.organisation_id = ms.organisation_id)))
SELECT coalesce(json_agg(json_build_object(
  'organisation', json_build_object('name', o.name),
  'orgWide', s.org_wide_only,
  'units', CASE WHEN s.org_wide_only THEN (
     SELECT coalesce(json_agg(json_build_object('name', un.name) ORDER BY un.id), '[]'::json)
       FROM organisations.unit un WHERE un.organisation_id = s.organisation_id) ELSE (
     SELECT coalesce(json_agg(json_build_object('name', un.name) ORDER BY u.unit_id), '[]'::json)
       FROM u JOIN organisations.unit un ON un.id = u.unit_id WHERE u.organisation_id = s.organisation_id) END,
  'role', json_build_object('code', s.role_code),
  'validFrom', s.valid_from, 'validTo', s.valid_to) ORDER BY s.organisation_id, s.role_code, s.valid_from), '[]'::json) AS data
FROM s JOIN organisations.organisation o ON o.id = s.organisation_id`;

/**
 * R-SCOPE-2 as SQL over the base tables: one grant per role assignment and unit employment (an
 * org-wide role: one, for every unit), the unit employment's end (NULL while any of its rows is
 * open) cutting the role's period; the deciding grant is the active one with the latest end, else
 * the next to start, else the last to end.
 */
export const CHECK_SQL = `
WITH m AS (SELECT id FROM access.membership WHERE person_id = $1 AND organisation_id = $2),
g AS (
  SELECT ra.role_code, ra.valid_from, CASE WHEN r.org_wide_only THEN ra.valid_to ELSE least(ra.valid_to, u.valid_to) END AS valid_to,
         CASE WHEN r.org_wide_only THEN NULL ELSE u.unit_id END AS unit_id
    FROM m JOIN access.role_assignment ra ON ra.membership_id = m.id JOIN access.role r ON r.code = ra.role_code
    LEFT JOIN LATERAL (
      SELECT mu.unit_id, CASE WHEN bool_or(mu.valid_to IS NULL) THEN NULL ELSE max(mu.valid_to) END AS valid_to
        FROM access.membership_unit mu WHERE mu.membership_id = m.id AND NOT r.org_wide_only GROUP BY mu.unit_id) u ON true
   WHERE EXISTS (SELECT 1 FROM access.role_grant gr WHERE gr.role_code = ra.role_code AND gr.function = $4 AND (gr.access = 'UPDATE' OR $6 = 'READ'))
     AND (r.org_wide_only OR (u.unit_id IS NOT NULL AND (u.valid_to IS NULL OR u.valid_to >= ra.valid_from)))),
c AS (
  SELECT *, CASE WHEN valid_from > $5::date THEN 1 WHEN valid_to < $5::date THEN 2 ELSE 0 END AS state
    FROM g WHERE $3::uuid IS NULL OR unit_id IS NULL OR unit_id = $3::uuid),
best AS (
  SELECT * FROM c ORDER BY state, CASE WHEN state = 1 THEN valid_from END, coalesce(valid_to, 'infinity'::date) DESC, role_code LIMIT 1)
SELECT EXISTS (SELECT 1 FROM m) AS member, EXISTS (SELECT 1 FROM g) AS granted,
       ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM organisations.unit WHERE id = $3::uuid AND organisation_id = $2)) AS unit_ok,
       best.role_code, best.valid_from::text AS valid_from, best.valid_to::text AS valid_to, best.state
  FROM (SELECT 1) one LEFT JOIN best ON true`;

/** Organisation.staff first page with every membership's roles and current units (the authority sees all). */
export const STAFF_SQL = `
WITH members AS MATERIALIZED (
  SELECT p.id, p.given_name, p.surname FROM access.membership m JOIN access.person p ON p.id = m.person_id WHERE m.organisation_id = $1),
page AS (SELECT *, count(*) OVER () AS total FROM members ORDER BY surname, given_name, id LIMIT $2)
SELECT json_build_object('organisation', json_build_object('staff', json_build_object(
  'totalCount', coalesce(max(page.total), (SELECT count(*) FROM access.membership WHERE organisation_id = $1)),
  'edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', page.id, 'givenName', page.given_name, 'surname', page.surname,
    'memberships', (SELECT coalesce(json_agg(json_build_object(
        'roles', (SELECT coalesce(json_agg(json_build_object('role', json_build_object('code', ra.role_code), 'validFrom', ra.valid_from, 'validTo', ra.valid_to)
                    ORDER BY ra.valid_from, ra.role_code), '[]'::json) FROM access.role_assignment ra WHERE ra.membership_id = m.id),
        'units', (SELECT coalesce(json_agg(json_build_object('name', un.name) ORDER BY x.unit_id), '[]'::json)
                    FROM (SELECT DISTINCT mu.unit_id FROM access.membership_unit mu WHERE mu.membership_id = m.id AND (mu.valid_to IS NULL OR mu.valid_to >= $3::date)) x
                    JOIN organisations.unit un ON un.id = x.unit_id)
      ) ORDER BY m.created_at, m.id), '[]'::json) FROM access.membership m WHERE m.person_id = page.id)
  )) ORDER BY page.surname, page.given_name, page.id), '[]'::json)))) AS data
FROM page`;

/**
 * R-SCOPE-3 as SQL over the base tables (memberships, role assignments, units; not the product's
 * permission index, so the answer check before each run also cross-checks the index): the first page
 * of everyone holding the function at that level in the organisation (at the unit, when one is
 * asked) on the day, in person-id order, with the complete count. A unit-scoped role reaches a unit
 * while the person's employment there lasts (NULL = open, else the latest end of its rows).
 */
export const WHO_CAN_SQL = `
WITH s AS (
  SELECT DISTINCT m.person_id
    FROM access.membership m
    JOIN access.role_assignment ra ON ra.membership_id = m.id
    JOIN access.role r ON r.code = ra.role_code
   WHERE m.organisation_id = $1
     AND ra.valid_from <= $5::date AND (ra.valid_to IS NULL OR ra.valid_to >= $5::date)
     AND EXISTS (SELECT 1 FROM access.role_grant g WHERE g.role_code = ra.role_code AND g.function = $3 AND (g.access = 'UPDATE' OR $4 = 'READ'))
     AND (r.org_wide_only OR EXISTS (
       SELECT 1 FROM access.membership_unit mu
        WHERE mu.membership_id = m.id AND ($2::uuid IS NULL OR mu.unit_id = $2::uuid)
        GROUP BY mu.unit_id
       HAVING bool_or(mu.valid_to IS NULL) OR max(mu.valid_to) >= $5::date))),
total AS (SELECT count(*) AS n FROM s)
SELECT json_build_object('whoCan', json_build_object(
  'totalCount', (SELECT n FROM total),
  'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', p.id, 'givenName', p.given_name, 'surname', p.surname)) ORDER BY p.id)
                       FROM (SELECT person_id FROM s ORDER BY person_id LIMIT $6) page JOIN access.person p ON p.id = page.person_id), '[]'::json),
  'pageInfo', json_build_object('hasNextPage', (SELECT n FROM total) > $6))) AS data`;

export interface CheckRow {
  member: boolean; granted: boolean; unit_ok: boolean;
  role_code: string | null; valid_from: string | null; valid_to: string | null; state: number | null;
}

/** The decision as the access service gives it: one stable reason code, the deciding role and its period. */
export function decisionFromRow(row: CheckRow) {
  const no = (reason: string) => ({ allowed: false, reason, role: null, validTo: null });
  if (!row.unit_ok) return no('UNIT_OF_OTHER_ORGANISATION');
  if (!row.member) return no('NOT_A_MEMBER');
  if (!row.granted) return no('NO_ROLE_GRANTS');
  if (row.state === null) return no('UNIT_NOT_COVERED');
  const role = { code: row.role_code };
  const reason = row.state === 0 ? 'GRANTED' : row.state === 1 ? 'PERIOD_NOT_STARTED' : 'PERIOD_ENDED';
  return { allowed: row.state === 0, reason, role, validTo: row.valid_to };
}

export function createFloorServer(databaseUrl: string): { server: http.Server; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // Dates as the text PostgreSQL prints (YYYY-MM-DD), like the subgraphs' Date scalar.
  const today = () => stockholmDate();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string | null>;
          let data: unknown;
          if (req.url === '/scopes') {
            const { rows } = await pool.query<{ data: unknown }>(SCOPES_SQL, [body.personId, body.on ?? today()]);
            data = { permissionScopes: rows[0].data };
          } else if (req.url === '/check') {
            const on = body.on ?? today();
            const a = { organisationId: body.organisationId!, unitId: body.unitId ?? null, function: body.function!, access: body.access ?? 'READ' };
            const { rows } = await pool.query<CheckRow>(CHECK_SQL, [body.personId, a.organisationId, a.unitId, a.function, on, a.access]);
            data = { checkAccess: decisionFromRow(rows[0]) };
          } else if (req.url === '/staff') {
            const { rows } = await pool.query<{ data: unknown }>(STAFF_SQL, [body.organisationId, Number(body.first ?? 50), body.on ?? today()]);
            data = rows[0].data;
          } else if (req.url === '/whoCan') {
            const { rows } = await pool.query<{ data: unknown }>(WHO_CAN_SQL, [body.organisationId, body.unitId ?? null, body.function, body.access ?? 'READ', body.on ?? today(), Number(body.first ?? 50)]);
            data = rows[0].data;
          } else {
            res.writeHead(404).end();
            return;
          }
          const out = JSON.stringify({ data });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) }).end(out);
        } catch (e) {
          const out = JSON.stringify({ errors: [{ message: e instanceof Error ? e.message : String(e) }] });
          res.writeHead(200, { 'content-type': 'application/json' }).end(out);
        }
      })();
    });
  });
  server.keepAliveTimeout = 30_000;
  return { server, close: async () => { await new Promise<void>((r) => server.close(() => r())); await pool.end(); } };
}

if (require.main === module) {
  const [databaseUrl, port] = process.argv.slice(2);
  if (!databaseUrl || !port) {
    console.error('usage: floor-server.ts <databaseUrl> <port>');
    process.exit(2);
  }
  const { server, close } = createFloorServer(databaseUrl);
  server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`floor listening on ${port}\n`));
  process.once('SIGTERM', () => { void close().then(() => process.exit(0)); });
}
