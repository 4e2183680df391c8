import { Migration } from '@mikro-orm/migrations';
import { roles } from '../modules/roles/rules/role-catalogue.data';

/** SQL string literal; the catalogue is our own data, but quoting keeps names like "Läsare" safe. */
const lit = (v: string | boolean | number | null) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/**
 * The role matrix (R-ROLE-1, R-ROLE-2) seeded from the catalogue DATA module, so code and database
 * cannot drift: migration 001 inserted the role codes only; here names and flags are upserted and
 * every function grant inserted. Also agreements (R-AGR), changes to sign (R-SIGN-1) and per-unit
 * end dates (R-END-2: ending an employment at one unit must not end the others).
 */
export class Migration002MatrixAgreementsChangeSets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE access.role
      ADD COLUMN is_permission_admin boolean NOT NULL DEFAULT false,
      ADD COLUMN is_responsible boolean NOT NULL DEFAULT false,
      ADD COLUMN sort_order integer NOT NULL DEFAULT 0`);
    const roleRows = roles.map((r, i) => `(${[r.code, r.name, r.system, r.orgWideOnly, r.isPermissionAdmin, r.isResponsible, i].map(lit).join(', ')})`);
    this.addSql(`INSERT INTO access.role (code, name, system, org_wide_only, is_permission_admin, is_responsible, sort_order) VALUES
      ${roleRows.join(',\n      ')}
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, system = EXCLUDED.system, org_wide_only = EXCLUDED.org_wide_only,
        is_permission_admin = EXCLUDED.is_permission_admin, is_responsible = EXCLUDED.is_responsible, sort_order = EXCLUDED.sort_order`);
    const grantRows = roles.flatMap((r) => r.grants.map((g) => `(${[r.code, g.function, g.access].map(lit).join(', ')})`));
    this.addSql(`INSERT INTO access.role_grant (role_code, function, access) VALUES
      ${grantRows.join(',\n      ')}
      ON CONFLICT (role_code, function) DO UPDATE SET access = EXCLUDED.access`);

    // R-END-2: an employment at one unit can end while the others go on (null = no end date).
    this.addSql(`ALTER TABLE access.membership_unit ADD COLUMN valid_to date`);

    // R-AGR-1: one agreement per organisation; it names the starting administrator until activation.
    this.addSql(`CREATE TABLE access.agreement (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('RECEIVED','ACTIVE','NEEDS_NEW_ADMINISTRATOR')),
      received_on date NOT NULL,
      activate_by date NOT NULL,
      activated_at timestamptz,
      admin_personal_number text NOT NULL CHECK (admin_personal_number ~ '^[0-9]{12}$'),
      admin_given_name text NOT NULL,
      admin_surname text NOT NULL,
      admin_email text,
      created_at timestamptz NOT NULL DEFAULT now())`);

    // R-SIGN-1: "Användare att signera". At most one open (DRAFT or SIGNING) set per organisation.
    this.addSql(`CREATE TABLE access.change_set (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('DRAFT','SIGNING','APPLIED','CANCELLED')),
      signing_digest text,
      order_ref text,
      receipt_id text UNIQUE,
      signer_personal_number text,
      applied_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE UNIQUE INDEX change_set_open_uniq ON access.change_set (organisation_id) WHERE status IN ('DRAFT','SIGNING')`);
    this.addSql(`CREATE TABLE access.pending_change (
      id uuid PRIMARY KEY,
      change_set_id uuid NOT NULL REFERENCES access.change_set(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('NEW','CHANGED','REMOVED')),
      person_id uuid REFERENCES access.person(id),
      personal_number text NOT NULL CHECK (personal_number ~ '^[0-9]{12}$'),
      given_name text NOT NULL,
      surname text NOT NULL,
      birth_date date NOT NULL,
      email text,
      role_codes jsonb NOT NULL,
      unit_ids jsonb NOT NULL,
      school_form_codes jsonb,
      -- the validated level-2 grant per unit: [{unitId, schoolFormCodes|null}] (R-ORG-5)
      unit_grants jsonb NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (change_set_id, personal_number))`);
  }
}
