import { Migration } from '@mikro-orm/migrations';

/**
 * BankID orders, receipts, partner-system clients, and what the audit chain needs for
 * at-least-once delivery: the (source, source_id) of each collected outbox event is unique, so a
 * redelivered event is recognised and never appended twice.
 */
export class Migration002OrdersReceiptsChainClients extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE signing.audit_event
      ADD COLUMN source text NOT NULL DEFAULT 'signing',
      ADD COLUMN source_id text,
      ADD COLUMN receipt_id uuid`);
    this.addSql(`CREATE UNIQUE INDEX audit_event_source_uniq ON signing.audit_event (source, source_id) WHERE source_id IS NOT NULL`);
    this.addSql(`CREATE INDEX audit_event_org_at_idx ON signing.audit_event (organisation_id, at)`);

    // One row per BankID order we started. qr_start_secret never leaves the server (QR HMAC key).
    this.addSql(`CREATE TABLE signing.signing_order (
      order_ref text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('LOGIN','SIGN')),
      status text NOT NULL CHECK (status IN ('PENDING','FAILED','COMPLETE')),
      hint_code text,
      started_at timestamptz NOT NULL,
      end_user_ip text NOT NULL,
      auto_start_token text NOT NULL,
      qr_start_token text NOT NULL,
      qr_start_secret text NOT NULL,
      personal_number text,
      person_id uuid,
      organisation_id uuid,
      change_set_id uuid,
      digest text,
      user_visible_data text,
      completed_at timestamptz,
      signer_personal_number text,
      signer_name text,
      session_issued_at timestamptz,
      receipt_id uuid,
      apply_result text CHECK (apply_result IN ('PENDING','APPLIED','REFUSED')),
      apply_error text)`);
    this.addSql(`CREATE INDEX signing_order_change_set_idx ON signing.signing_order (change_set_id)`);

    this.addSql(`CREATE TABLE signing.receipt (
      id uuid PRIMARY KEY,
      order_ref text NOT NULL UNIQUE REFERENCES signing.signing_order(order_ref),
      signed_at timestamptz NOT NULL,
      signer_person_id uuid,
      signer_personal_number text NOT NULL,
      signer_name text NOT NULL,
      organisation_id uuid NOT NULL,
      change_set_id uuid NOT NULL,
      digest text NOT NULL,
      token text NOT NULL)`);
    this.addSql(`CREATE INDEX receipt_signer_idx ON signing.receipt (signer_person_id, signed_at DESC)`);

    // Partner systems (R-AUTH-2): the secret is stored only as an scrypt hash.
    this.addSql(`CREATE TABLE signing.api_client (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      name text NOT NULL,
      functions text[] NOT NULL,
      secret_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      revoked_at timestamptz)`);
    this.addSql(`CREATE INDEX api_client_org_idx ON signing.api_client (organisation_id, created_at)`);
  }
}
