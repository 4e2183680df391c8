import { Migration } from '@mikro-orm/migrations';
import { jobTableSql } from '@behorig/kit/jobs';

/**
 * The job runner's table (docs/architecture.md, "Scheduled work") and partner event
 * subscriptions with their deliveries (R-HOOK-1). The subscription secret is stored sealed
 * (AES-256-GCM, modules/webhooks/webhook-secret.ts): it is shown once and only the service reads it back, to sign.
 */
export class Migration009JobsAndWebhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(jobTableSql('signing'));
    this.addSql(`CREATE TABLE signing.event_subscription (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      url text NOT NULL,
      events text[] NOT NULL CHECK (cardinality(events) > 0),
      secret_sealed text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text NOT NULL,
      removed_at timestamptz)`);
    this.addSql(`CREATE INDEX event_subscription_org_idx ON signing.event_subscription (organisation_id) WHERE removed_at IS NULL`);
    this.addSql(`CREATE TABLE signing.webhook_delivery (
      id text PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES signing.event_subscription (id),
      organisation_id uuid NOT NULL,
      audit_event_id bigint NOT NULL,
      event_type text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
      attempts int NOT NULL DEFAULT 0,
      first_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status_code int,
      last_error text,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (subscription_id, audit_event_id))`);
    this.addSql(`CREATE INDEX webhook_delivery_subscription_idx ON signing.webhook_delivery (subscription_id, created_at DESC)`);
  }
}
