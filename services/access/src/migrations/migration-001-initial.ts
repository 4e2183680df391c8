import { Migration } from '@mikro-orm/migrations';

/**
 * People, the three-level memberships (organisation → units → role assignments), the role
 * catalogue and the audit outbox. Organisation and unit ids refer to the organisations
 * subgraph and therefore carry no foreign key: each subgraph owns only its own schema.
 */
export class Migration001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE SCHEMA IF NOT EXISTS access`);
    this.addSql(`CREATE TABLE access.person (
      id uuid PRIMARY KEY,
      personal_number text NOT NULL UNIQUE CHECK (personal_number ~ '^[0-9]{12}$'),
      given_name text NOT NULL,
      surname text NOT NULL,
      email text,
      birth_date date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE INDEX person_name_idx ON access.person (surname, given_name, id)`);
    this.addSql(`CREATE TABLE access.role (
      code text PRIMARY KEY,
      name text NOT NULL,
      system text NOT NULL,
      org_wide_only boolean NOT NULL DEFAULT false)`);
    this.addSql(`CREATE TABLE access.role_grant (
      role_code text NOT NULL REFERENCES access.role(code),
      function text NOT NULL,
      access text NOT NULL CHECK (access IN ('READ','UPDATE')),
      PRIMARY KEY (role_code, function))`);
    this.addSql(`CREATE TABLE access.membership (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES access.person(id),
      organisation_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, organisation_id))`);
    this.addSql(`CREATE INDEX membership_organisation_idx ON access.membership (organisation_id, person_id)`);
    this.addSql(`CREATE TABLE access.membership_unit (
      id uuid PRIMARY KEY,
      membership_id uuid NOT NULL REFERENCES access.membership(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL,
      school_form_code text)`);
    this.addSql(`CREATE UNIQUE INDEX membership_unit_uniq ON access.membership_unit (membership_id, unit_id, coalesce(school_form_code, ''))`);
    this.addSql(`CREATE INDEX membership_unit_unit_idx ON access.membership_unit (unit_id)`);
    this.addSql(`CREATE TABLE access.role_assignment (
      id uuid PRIMARY KEY,
      membership_id uuid NOT NULL REFERENCES access.membership(id) ON DELETE CASCADE,
      role_code text NOT NULL REFERENCES access.role(code),
      valid_from date NOT NULL,
      valid_to date,
      CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
    this.addSql(`CREATE INDEX role_assignment_membership_idx ON access.role_assignment (membership_id)`);
    this.addSql(`CREATE TABLE access.outbox_event (
      id bigserial PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      organisation_id uuid,
      action text NOT NULL,
      target text NOT NULL,
      before jsonb, after jsonb,
      delivered_at timestamptz)`);
    this.addSql(`CREATE INDEX outbox_undelivered_idx ON access.outbox_event (id) WHERE delivered_at IS NULL`);
    // The role codes of R-ROLE-1; their function grants (the matrix) arrive with migration 002.
    this.addSql(`INSERT INTO access.role (code, name, system, org_wide_only) VALUES
      ('PERMISSION_ADMIN','Behörighetsadministratör','KA_WEBB',true),
      ('SERVICE_ADMIN','Tjänsteadministratör','KA_WEBB',false),
      ('REGISTRAR','Registrerare','KA_WEBB',false),
      ('READER','Läsare','KA_WEBB',false),
      ('ADMINISTER_PERMISSIONS','Administrera behörigheter','MINA_SIDOR',true),
      ('RECEIVE_PARTICIPANTS','Ta emot deltagare','MINA_SIDOR',false),
      ('REPORTING','Rapportering','MINA_SIDOR',false),
      ('BER_ADMINISTRATOR','BER-administratör','SKOLPLATTFORMEN',false),
      ('ELEVDOK_GRADES','Elevdokumentation betyg','SKOLPLATTFORMEN',false),
      ('VUX_EXTERN_ANORDNARE_ANSVARIG','Vux Extern Anordnare Ansvarig Sthlm','SKOLPLATTFORMEN',false),
      ('VUX_INTERN_ANORDNARE_ANSVARIG','Vux Intern Anordnare Ansvarig Sthlm','SKOLPLATTFORMEN',false)`);
  }
}
