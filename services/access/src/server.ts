import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLogger, createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit/server';
import { createPersonalNumberVault } from '@behorig/kit/vault';
import { createReceiptVerifier, type ReceiptVerifier } from '@behorig/kit/receipt';
import { stockholmDate } from '@behorig/kit/dates';
import { untrustingServiceCredentials } from '@behorig/kit/auth';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { createContext, type AccessDeps, type Context } from './context';
import { seedDemoData } from './modules/people/demo-seed.store';
import { createHttpSigningClient, type SigningClient } from './clients/signing.client';
import { internalRoutes } from './routes/internal.routes';
import { sealPlaintextPersonalNumbers } from './migrations/personal-number-backfill.store';
import { errorLog, requestLog } from './routes/request-log';
import { createMailer, type Mailer } from './modules/notices/mailer';
import { devMailRoutes } from './modules/notices/dev-mail.routes';
import { accessRecurring, accessTasks } from './modules/notices/notices.jobs';
import { unitFactRoutes } from './modules/unit-facts/unit-facts.routes';
import { findOrganisationNames } from './modules/unit-facts/unit-facts.store';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

export interface AccessBuildOptions extends SubgraphBuildOptions {
  /** Sign orders (default: HTTP to signingInternalUrl with this service's credentials, R-AUTH-4). */
  signing?: SigningClient;
  signingInternalUrl?: string;
  /** Verifies receipts handed to the apply endpoint (default: the signing service's JWKS at jwksUrl). */
  verifyReceipt?: ReceiptVerifier;
  jwksUrl?: string;
  /** Today's date (Europe/Stockholm); injectable for R-PERIOD-2 tests. */
  today?: () => string;
  /**
   * The personal-number key (32 bytes or base64; env PERSONAL_NUMBER_KEY or the development key
   * file, see index.ts). Required when `production`; when omitted elsewhere a random key lives in
   * memory only — fine for a test on a fresh database, useless for data that must survive a restart.
   */
  personalNumberKey?: Buffer | string;
  /** R-NOTE-1 digest mail: SMTP when `smtpUrl` is set, else .eml files in `mailDir` (listed at GET /dev/mail outside production). */
  smtpUrl?: string;
  mailFrom?: string;
  mailDir?: string;
  mailer?: Mailer;
}

/** Builds the access subgraph (built here and listened on in index.ts, so tests start it on a random port). */
export async function buildServer(opts: AccessBuildOptions) {
  const credentials = opts.credentials ?? (await untrustingServiceCredentials('access'));
  if (opts.production && !opts.personalNumberKey) throw new Error('A personal-number key is required in production (PERSONAL_NUMBER_KEY).');
  const vault = createPersonalNumberVault(opts.personalNumberKey ?? randomBytes(32));
  const logger = opts.logger ?? createLogger('access', 'silent');
  const deps: AccessDeps = {
    signing: opts.signing ?? createHttpSigningClient(opts.signingInternalUrl ?? 'http://localhost:4003', credentials),
    today: opts.today ?? (() => stockholmDate()),
    verifyReceipt: opts.verifyReceipt ?? createReceiptVerifier({ jwksUrl: opts.jwksUrl ?? 'http://localhost:4003/.well-known/jwks.json' }),
    vault,
  };
  const mailDir = opts.mailDir ?? join(process.cwd(), '.data', 'mail');
  const mailer = opts.mailer ?? createMailer({ smtpUrl: opts.smtpUrl, from: opts.mailFrom ?? 'Behörig <no-reply@behorig.invalid>', mailDir });
  return createSubgraph<Context>({
    ...opts,
    credentials,
    logger,
    name: 'access',
    schema: 'access',
    typeDefs,
    resolvers,
    // No entities: the stores read and write with SQL (docs/architecture.md).
    migrations,
    createContext: (actor, em, req) => createContext(actor, em, deps, req as unknown as { headers: Record<string, unknown>; ip?: string; socket?: { remoteAddress?: string } }),
    seed: (em) => seedDemoData(em, vault),
    routes: (app, orm) => {
      requestLog(logger)(app);
      internalRoutes(credentials, deps)(app, orm);
      // Unit and organisation facts from the organisations service's fact outbox (docs/architecture.md).
      unitFactRoutes(credentials)(app, orm);
      if (!opts.production && !opts.smtpUrl) devMailRoutes(mailDir)(app);
      app.use('/internal', errorLog(logger));
    },
  }).then(async (s) => {
    // Migration 003's backfill: no plain-text personal number survives into serving (listen comes later).
    await sealPlaintextPersonalNumbers(s.orm.em, vault);
    // Scheduled work (R-REV-1 deadlines, R-NOTE-1 digest) for the job runner to register.
    const jobs = { tasks: accessTasks({
      em: s.orm.em, today: deps.today, mailer, organisationNames: (ids) => findOrganisationNames(s.orm.em.fork(), ids),
      deadlines: { signing: deps.signing, verifyReceipt: deps.verifyReceipt, vault: deps.vault, logger },
      disabledSubscriptions: (id, since) => deps.signing.disabledSubscriptions(id, since),
    }), recurring: accessRecurring };
    return { ...s, deps, mailer, jobs };
  });
}
