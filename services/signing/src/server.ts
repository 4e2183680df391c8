import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { untrustingServiceCredentials, createClientStatusCache, withClientStatus, createTokenVerifier, type SigningKey } from '@behorig/kit/auth';
import { createHttpPermissionSource, type PermissionSource } from '@behorig/kit/permissions';
import { startPermissionDecisionCache } from '@behorig/kit/db';
import { createReceiptVerifier } from '@behorig/kit/receipt';
import { createLogger, createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit/server';
import { createPersonalNumberVault, personalNumberKeyFrom } from '@behorig/kit/vault';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { contextFactory, type Context } from './context';
import { createAccessClient, type AccessClient } from './clients/access.client';
import { BankIdUnavailableError } from './bankid';
import type { BankIdProvider } from './bankid/bankid-provider';
import type { SigningDeps } from './deps';
import { auditRoutes } from './modules/audit/audit.routes';
import { checkpointJob, checkpointRound } from './modules/audit/checkpoint.job';
import { createPublishedKeys } from './modules/keys/keys.service';
import { keysRoutes } from './modules/keys/keys.routes';
import { collectOpenOrders, collectionJob } from './modules/orders/collection.job';
import { ordersStore } from './modules/orders/orders.store';
import { ordersRoutes } from './modules/orders/orders.routes';
import { sealPlainPersonalNumbers } from './modules/orders/personal-number-backfill';
import { clientStatusOf } from './modules/partners/partners.service';
import { partnersRoutes } from './modules/partners/partners.routes';
import { createJobRunner } from '@behorig/kit/jobs';
import { webhookTasks } from './modules/webhooks/webhook-delivery.service';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes';
import { createSecretSealer } from './modules/webhooks/webhook-secret';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

export type SigningBuildOptions = Omit<SubgraphBuildOptions, 'verify'> & {
  signingKey: SigningKey;
  /** BankID RP API (the real client in index.ts; tests pass one pointed at an in-process simulator). */
  bankId?: BankIdProvider | (() => BankIdProvider);
  /** The access service's internal endpoints; default: HTTP to `accessInternalUrl`. */
  access?: AccessClient;
  /** Permission answers for people (access's `myAccess`); default: HTTP to `accessUrl`. */
  permissionSource?: PermissionSource;
  accessUrl?: string;
  /**
   * Where the decision cache LISTENs for changes of access's permission index (env
   * PERMISSION_LISTEN_URL, default `databaseUrl`): a direct PostgreSQL connection, never through a
   * transaction-pooling PgBouncer (docs/deploy.md). `false`: no cache, every question goes to access.
   * With a `permissionSource` of its own (tests) there is a cache only when this is given.
   */
  permissionListenUrl?: string | false;
  accessInternalUrl?: string;
  authorityNumbers?: Iterable<string>;
  tokenTtlSeconds?: number;
  /**
   * R-USR-5: correct the identity row's name from BankID's completion data at log-in. Off unless
   * configured: the development simulator makes names up for numbers it does not know.
   */
  nameCorrection?: boolean;
  /** Epoch ms; tests inject a clock. */
  now?: () => number;
  applyRetryDelaysMs?: readonly number[];
  /** R-AUDIT-4: a signed checkpoint at most this many seconds after an organisation's latest event (AUDIT_CHECKPOINT_SECONDS). */
  checkpointSeconds?: number;
  /** R-SIGN-7: how often the service collects its open BankID orders itself (BANKID_COLLECT_INTERVAL_MS; 0 = never). */
  collectIntervalMs?: number;
  /** Seals personal numbers at rest (PERSONAL_NUMBER_KEY, shared with access); required in production. */
  personalNumberKey?: Buffer | string;
  /** R-HOOK-1: wait before a failed webhook delivery's first retry (WEBHOOK_FIRST_RETRY_MS, ≤ 30 s). */
  webhookFirstRetryMs?: number;
  /** How often an idle job runner looks for due jobs (JOB_POLL_MS). */
  jobPollMs?: number;
};

const notConfigured = (): BankIdProvider => {
  throw new BankIdUnavailableError('BankID is not configured for this server (no BANKID_URL/certificates were given).', 'unreachable');
};

/**
 * Builds the signing subgraph. It owns the token key: it verifies tokens with its own public
 * key and publishes it at GET /.well-known/jwks.json for the gateway and the other subgraphs.
 * Besides GraphQL it serves POST /oauth/token, GET /audit/export and the /internal/... routes.
 */
export async function buildServer(opts: SigningBuildOptions) {
  if (opts.production && !opts.personalNumberKey) throw new Error('A personal-number key is required in production (PERSONAL_NUMBER_KEY).');
  let orm: MikroORM | undefined;
  const published = createPublishedKeys(() => orm!, opts.signingKey);
  // R-AUTH-4: its own key for calls to access and for what access, organisations and the gateway present here.
  const credentials = opts.credentials ?? (await untrustingServiceCredentials('signing'));
  const keyMaterial = opts.personalNumberKey ?? randomBytes(32);
  const bankId = typeof opts.bankId === 'function' ? opts.bankId : opts.bankId ? () => opts.bankId as BankIdProvider : notConfigured;
  // Every published key (current and retired) verifies: tokens signed before a rotation stay valid until they expire.
  const verifySignature = createTokenVerifier({ getKey: published.getKey });
  // R-AUTH-3: this service owns the clients' table, so it reads their status from it directly.
  const clientStatus = createClientStatusCache(async (clientId) => {
    if (!orm) throw new Error('not started');
    return clientStatusOf(orm.em.fork(), clientId);
  });
  // R-SCOPE-4: access's decisions are kept per process and dropped on every change of its index, on every replica.
  const decisionCache = await startPermissionDecisionCache({
    listenUrl: opts.permissionListenUrl, databaseUrl: opts.databaseUrl, givenSource: opts.permissionSource !== undefined, logger: opts.logger,
  });
  const deps: SigningDeps = {
    key: opts.signingKey,
    verify: withClientStatus(verifySignature, clientStatus),
    verifySignature,
    clientStatus,
    verifyReceipt: createReceiptVerifier({ getKey: published.getKey }),
    getKey: published.getKey,
    bankId,
    access: opts.access ?? createAccessClient({
      internalUrl: opts.accessInternalUrl ?? 'http://localhost:4002',
      credentials,
    }),
    permissionSource: opts.permissionSource ?? createHttpPermissionSource({ accessUrl: opts.accessUrl ?? 'http://localhost:4002/graphql' }),
    permissionDecisions: decisionCache,
    now: opts.now ?? Date.now,
    authorityNumbers: new Set(opts.authorityNumbers ?? ['191212121212']),
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    nameCorrection: opts.nameCorrection ?? false,
    applyRetryDelaysMs: opts.applyRetryDelaysMs ?? [250, 1000, 3000],
    logger: opts.logger ?? createLogger('signing', 'silent'),
    credentials,
    vault: createPersonalNumberVault(keyMaterial),
    production: opts.production ?? false,
    webhookSecrets: createSecretSealer(personalNumberKeyFrom(keyMaterial)),
  };
  const server = await createSubgraph<Context>({
    ...opts,
    credentials,
    verify: deps.verify,
    name: 'signing',
    schema: 'signing',
    typeDefs,
    resolvers,
    migrations,
    createContext: contextFactory(deps),
    // Each feature module serves its own HTTP routes.
    routes: (app, orm) => {
      keysRoutes(app, published);
      ordersRoutes(app, orm, deps);
      partnersRoutes(app, orm, deps);
      auditRoutes(app, orm, deps);
      webhooksRoutes(app, orm, deps);
    },
  }).catch(async (e: unknown) => {
    await decisionCache?.stop();
    throw e;
  });
  orm = server.orm;
  try {
    // Published before this replica signs anything (tokens, receipts, checkpoints).
    await published.publish();
    await sealPlainPersonalNumbers(server.orm, deps.vault);
  } catch (e) {
    // A replica refused at start (e.g. its key clashes with a published one) leaves nothing
    // running behind it: no LISTEN connection reconnecting, no open pool.
    await decisionCache?.stop();
    await server.stop();
    throw e;
  }
  server.metrics.gauge('behorig_signing_open_orders', 'BankID orders started and not yet complete or failed', () => ordersStore(server.orm.em.fork()).countOpenOrders());
  // The one runner of this service's scheduled and deferred work (docs/architecture.md, "Scheduled
  // work"): audit checkpoints (R-AUDIT-4), server-side BankID collection (R-SIGN-7), webhook
  // deliveries and their retries (R-HOOK-1). Replicas share it through signing.job: each job runs once.
  const checkpoints = checkpointJob({ orm: () => server.orm, key: () => deps.key, intervalSeconds: opts.checkpointSeconds ?? 10, now: deps.now });
  const collectIntervalMs = opts.collectIntervalMs ?? 2000;
  const collection = collectIntervalMs > 0 ? collectionJob(() => server.orm, deps, collectIntervalMs) : { tasks: {}, recurring: [] };
  const jobs = createJobRunner({
    schema: 'signing',
    databaseUrl: opts.databaseUrl,
    pollMs: opts.jobPollMs ?? 1000,
    logger: deps.logger,
    tasks: {
      ...checkpoints.tasks,
      ...collection.tasks,
      ...webhookTasks({
        orm: () => server.orm, secrets: deps.webhookSecrets, mode: deps.production ? 'production' : 'development', logger: deps.logger,
        firstRetryMs: opts.webhookFirstRetryMs ?? 10_000,
      }),
    },
    recurring: [...checkpoints.recurring, ...collection.recurring],
  });
  jobs.start();
  return {
    ...server,
    /** What the resolvers and routes share (tests build GraphQL contexts from it for executeOperation). */
    deps,
    /** This process's cache of access's decisions (R-SCOPE-4), if it has one. */
    decisionCache,
    /** One round of server-side collection now (the timer does this on its own). */
    collectOrders: () => collectOpenOrders(server.orm.em, deps, 1000),
    /** Writes the checkpoints that are due now (the timer does this on its own; tests call it to be deterministic). */
    // It waits for a round the runner has in hand instead of skipping its heads, so when it returns every due head is checkpointed.
    writeCheckpoints: () => checkpointRound({ orm: server.orm, key: () => deps.key, now: deps.now, waitForLocks: true }),
    /** One round of the job runner now (it polls on its own; tests call it to be deterministic). */
    runJobs: () => jobs.runDue(),
    stop: async () => {
      await jobs.stop();
      await decisionCache?.stop();
      await server.stop();
    },
  };
}
