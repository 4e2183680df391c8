import http from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Agent } from 'undici';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { createSingleFetchFastPath, GraphQLDataSourceRequestKind, SubgraphReplays, type FastPathOutcome } from './single-fetch-fast-path';
import { actorFromAuthorization, CLIENT_ADDRESS_HEADER, isServiceName, SERVICE_CREDENTIAL_HEADER, type Actor, type ServiceCredentials, type TokenVerifier } from '@behorig/kit/auth';
import { createLogger, type Logger } from '@behorig/kit/server';
import { supergraphPath } from './compose';
import { gatewayErrorReason } from './error-reasons';
import { queryCostPlugin } from './query-cost';
import { clientAddress, createRateLimiter, DEFAULT_RATE_LIMITS, limitByAddress, rateLimitPlugin, type RateLimits, type RateLimitStore } from './rate-limit';
import { mountPublicRoutes } from './public-routes';
import { mountGraphiql } from './graphiql-route';
import { loadDefaultManifest, ManifestApqCache, requirePersistedForWebOrigin, type PersistedDocumentsMode } from './persisted-documents';
import { accessLog, CLIENT_NAME_HEADER, operationNamePlugin, type RequestInfo } from './access-log';
import { createMetrics, metricsPlugin, mountMetrics, requestIdMiddleware, traceMiddleware } from '@behorig/kit/server';
import { Counter } from 'prom-client';

export interface GatewayContext {
  actor: Actor | null;
  authorization?: string;
  /** Verifies a session token issued during this request (log-in, see didReceiveResponse). */
  verify?: TokenVerifier;
  /** The client's address: the socket's, or X-Forwarded-For's when the peer is a trusted proxy. */
  clientAddress?: string;
  /** `apollographql-client-name` of the request (client awareness: metrics and access log). */
  clientName?: string;
  /** Filled in for the access log. */
  info?: RequestInfo;
}

export interface GatewayOptions {
  verify: TokenVerifier;
  /** Subgraph name → URL, overriding the URLs in the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  supergraphSdl?: string;
  webOrigin?: string | string[];
  sandbox?: boolean;
  production?: boolean;
  logger?: Logger;
  limits?: Partial<QueryLimits>;
  /** Rate limits (docs/operations.md); `false` turns them off (benchmarks, most tests). */
  rateLimits?: Partial<RateLimits> | false;
  rateLimitStore?: RateLimitStore;
  /**
   * Which direct peers may tell the client's address in X-Forwarded-For (express "trust proxy":
   * addresses, CIDRs, `loopback`, `uniquelocal`); none by default, so the socket's address counts.
   */
  trustedProxies?: string[];
  /**
   * The gateway's service credentials (R-AUTH-4): with them it vouches for the client address it
   * passes to the subgraphs; without them it passes none.
   */
  credentials?: ServiceCredentials;
  /** The offline GraphiQL explorer at /graphiql; default on outside production. */
  graphiql?: boolean;
  /** Where the signing service's public HTTP endpoints are; default: its subgraph URL without /graphql. */
  signingBaseUrl?: string;
  /**
   * The web client's persisted documents, `{ sha256: text }` (docs/operations.md); default
   * web/persisted-documents.json when it exists. Preloaded into the APQ cache.
   */
  persistedDocuments?: Map<string, string>;
  /** `require-for-web-origin`: requests from the web origin may only run manifest documents. Default `allow`. */
  persistedDocumentsMode?: PersistedDocumentsMode;
  /**
   * Pass a single-fetch plan's clean subgraph answer through without result shaping
   * (docs/operations.md, "Single-fetch fast path"). Default on.
   */
  singleFetchFastPath?: boolean;
  /** Told which path each operation took (tests: the differential test proves the fast path ran). */
  onFastPathOutcome?: (outcome: FastPathOutcome, operationName: string | undefined) => void;
}

/**
 * Query limits enforced at the gateway before planning (graphql-armor validation rules).
 * Sized for the product's real operations (the deepest, Mina behörigheter with its audit log,
 * is depth 8) with room to spare; introspection is exempt so Sandbox keeps working.
 */
export interface QueryLimits { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number; maxCost: number; subgraphTimeoutMs: number }
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 20, maxTokens: 3000, maxDirectives: 20, maxCost: 20000, subgraphTimeoutMs: 15000 };

/**
 * Forwards the caller's Authorization header: every subgraph verifies the token itself, so a
 * subgraph reached directly is exactly as strict as one reached through the gateway.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0], private readonly credentials?: ServiceCredentials, private readonly replays?: SubgraphReplays) {
    super(config);
  }

  /**
   * An answer the single-fetch fast path already received for this request and could not pass
   * through is handed to the normal path instead of asking the subgraph again.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const replayed = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? this.replays?.take(options.incomingRequestContext) : undefined;
    return replayed ?? super.process(options);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
    // The caller's own address (BankID's endUserIp), vouched for by the gateway's credential for
    // that one subgraph; the subgraphs believe nothing else (kit clientAddressOf).
    if ('clientAddress' in context && context.clientAddress && this.credentials && isServiceName(this.serviceName)) {
      request.http?.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
      request.http?.headers.set(SERVICE_CREDENTIAL_HEADER, await this.credentials.mint(this.serviceName));
    }
  }

  /**
   * Log-in answers `completeLogin { token person { … } }` in ONE request, but the caller had no
   * token when it was sent, and every subgraph refuses `Person` references to nobody (R-AUTH-4).
   * The session token the signing service just issued is therefore used for the rest of THIS
   * request, once it verifies as a person token: the new session reads its own person, and
   * nothing is left open to callers without a token.
   */
  override async didReceiveResponse(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    const { response, context } = options;
    if (this.serviceName === 'signing' && context.verify && !context.authorization) {
      const data = (response as { data?: Record<string, unknown> | null }).data ?? {};
      for (const value of Object.values(data)) {
        const token = (value as { token?: unknown } | null)?.token;
        if (typeof token !== 'string') continue;
        const actor = await context.verify(token).catch(() => null);
        if (actor?.kind === 'person') {
          context.authorization = `Bearer ${token}`;
          break;
        }
      }
    }
    return response;
  }

  /**
   * A subgraph that cannot be reached (stopped, refusing, timed out) is SERVICE_UNAVAILABLE naming
   * it, not an anonymous "fetch failed" INTERNAL_SERVER_ERROR: the client learns which part of its
   * answer is missing and that retrying later makes sense. Errors the subgraph answered pass unchanged.
   */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`The ${this.serviceName} service cannot be reached right now; try again shortly.`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNREACHABLE', serviceName: this.serviceName },
    });
  }
}

/** Builds the gateway (built here and listened on in index.ts, so tests start it on a random port). */
export async function buildGateway(opts: GatewayOptions) {
  const logger = opts.logger ?? createLogger('gateway', 'silent');
  // Keep-alive connections to the subgraphs: the default fetcher measured far slower here.
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // A subgraph that hangs must not hang the gateway: bounded connect, header and body waits.
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1, connectTimeout: 3_000, headersTimeout: limits.subgraphTimeoutMs, bodyTimeout: limits.subgraphTimeoutMs });
  const fetcher = createSubgraphFetcher(agent);
  const metrics = createMetrics('gateway');
  const replays = new SubgraphReplays();
  const fastPathRequests = new Counter({ name: 'behorig_gateway_single_fetch_total', help: 'GraphQL operations by path: fast (single fetch passed through), replayed (single fetch shaped by the normal path), planned', labelNames: ['path'], registers: [metrics.registry] });
  const fastPath = (opts.singleFetchFastPath ?? true)
    ? createSingleFetchFastPath({ replays, onOutcome: (outcome, name) => { fastPathRequests.inc({ path: outcome }); opts.onFastPathOutcome?.(outcome, name); } })
    : null;
  const gatewayConfig: ConstructorParameters<typeof ApolloGateway>[0] = {
    supergraphSdl: opts.supergraphSdl ?? readFileSync(supergraphPath(), 'utf8'),
    buildService: ({ name, url }) => new AuthenticatedDataSource(name, { url: opts.subgraphUrls?.[name] ?? url, fetcher }, opts.credentials, replays),
    ...(fastPath ? { experimental_didResolveQueryPlan: (info: Parameters<typeof fastPath.observePlan>[0]) => fastPath.observePlan(info) } : {}),
  };
  /** The fast path wraps the executor the server is given; everything before execution is unchanged. */
  class Gateway extends ApolloGateway {
    override async load(options?: Parameters<ApolloGateway['load']>[0]) {
      const loaded = await super.load(options);
      return fastPath ? { ...loaded, executor: fastPath.wrap(loaded.executor) as typeof loaded.executor } : loaded;
    }
  }
  const gateway = new Gateway(gatewayConfig);
  if (fastPath) gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => fastPath.schemaLoaded(coreSupergraphSdl));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustedProxies?.length ? opts.trustedProxies : false);
  // Request id first (every later log line carries it), then the access log (docs/operations.md).
  app.use(requestIdMiddleware());
  app.use(traceMiddleware('gateway'));
  app.use(accessLog(logger, metrics));
  const refusals = new Counter({ name: 'behorig_rate_limit_refusals_total', help: 'Requests refused by a rate limit', labelNames: ['kind'], registers: [metrics.registry] });
  const limiter = opts.rateLimits === false ? null : await createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...opts.rateLimits }, opts.rateLimitStore ?? { kind: 'memory' }, logger, (kind) => refusals.inc({ kind }));
  const httpServer = http.createServer(app);
  const sandbox = opts.sandbox ?? !opts.production;
  const manifest = opts.persistedDocuments ?? loadDefaultManifest() ?? new Map<string, string>();
  const persistedMode = opts.persistedDocumentsMode ?? 'allow';
  // Restricting the web origin to an empty manifest would lock the web client out: fail at start.
  if (persistedMode === 'require-for-web-origin' && manifest.size === 0) throw new Error('PERSISTED_DOCUMENTS=require-for-web-origin needs the web client\'s manifest (web/persisted-documents.json).');
  const webOrigins = [opts.webOrigin ?? 'http://localhost:5173'].flat();
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    // Cost is counted by queryCostPlugin instead: armor's cost rule cannot see variables.
    costLimit: { enabled: false },
    // Field suggestions ("did you mean …") leak the schema when introspection is off.
    blockFieldSuggestion: { enabled: !sandbox },
  }).protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: sandbox,
    includeStacktraceInErrorResponses: !opts.production,
    // runService (kit subgraph.ts) owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal
    // and kill the process before pools, relays and in-flight requests are finished.
    stopOnTerminationSignals: false,
    // Batched HTTP requests stay off: one operation per request keeps the limits meaningful.
    allowBatchedHttpRequests: false,
    // Automatic persisted queries, with the web client's manifest known from the start.
    persistedQueries: { cache: new ManifestApqCache(manifest) },
    validationRules: armor.validationRules,
    formatError: (formatted) => {
      // In production nothing internal (SQL, stack traces, hostnames) reaches the client.
      if (opts.production && (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' || !formatted.extensions?.code)) {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR' }, path: formatted.path };
      }
      return gatewayErrorReason(formatted);
    },
    plugins: [
      ...armor.plugins,
      metricsPlugin<GatewayContext>(metrics, (ctx) => ctx.clientName),
      operationNamePlugin<GatewayContext>(),
      queryCostPlugin<GatewayContext>({ maxCost: limits.maxCost }),
      ...(limiter ? [rateLimitPlugin<GatewayContext>(limiter)] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  let stopping = false;
  app.get('/health', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  // Probes (docs/deploy.md): the gateway holds no database; it is ready while it is not stopping,
  // and a subgraph that is down is reported per request (SERVICE_UNAVAILABLE), not by restarts.
  app.get('/live', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    res.status(stopping ? 503 : 200).json({ status: stopping ? 'stopping' : 'ready' });
  });
  mountMetrics(app, metrics);
  // CORS before the limits, so that a browser can read a 429 and its Retry-After.
  const graphqlCors = cors({ origin: opts.webOrigin ?? 'http://localhost:5173', credentials: false, maxAge: 600, exposedHeaders: ['retry-after', 'x-request-id'] });
  app.use('/graphql', graphqlCors);
  // Every other route counts against the client address's limit.
  app.use(limitByAddress(limiter, 'address', 'TOO_MANY_REQUESTS_FROM_ADDRESS'));
  // The web client downloads the audit export from its own origin, with the session's bearer
  // token: the same CORS as /graphql (a preflight, no cookies), or the browser refuses the answer.
  app.use('/audit/export', cors({ origin: opts.webOrigin ?? 'http://localhost:5173', credentials: false, maxAge: 600, exposedHeaders: ['content-disposition', 'retry-after'] }));
  if (opts.graphiql ?? !opts.production) mountGraphiql(app);
  mountPublicRoutes(app, {
    signingBaseUrl: opts.signingBaseUrl ?? (opts.subgraphUrls?.signing ?? 'http://localhost:4003/graphql').replace(/\/graphql\/?$/, ''),
    agent, limiter, logger,
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    ...(persistedMode === 'require-for-web-origin' ? [requirePersistedForWebOrigin(manifest, webOrigins)] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // A bad or expired token is refused here with UNAUTHENTICATED; no token passes on as
        // "nobody" so that log-in and public operations work, and subgraphs refuse the rest.
        const authorization = req.headers.authorization;
        const actor = await actorFromAuthorization(authorization, opts.verify);
        const clientName = req.headers[CLIENT_NAME_HEADER];
        return {
          actor, authorization, verify: opts.verify, clientAddress: clientAddress(req),
          clientName: typeof clientName === 'string' ? clientName : undefined, info: res.locals.info as RequestInfo | undefined,
        };
      },
    }),
  );
  // The same URL answers at / too, so Sandbox users can open http://localhost:4000/.
  app.get('/', (_req, res) => res.redirect('/graphql'));

  let listening = false;
  return {
    app,
    apollo,
    metrics,
    listen: (port: number, host = '0.0.0.0') =>
      new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          listening = true;
          resolve(`http://localhost:${(httpServer.address() as { port: number }).port}`);
        });
      }),
    stop: async () => {
      stopping = true;
      await apollo.stop();
      if (listening) httpServer.closeAllConnections();
      await agent.close();
      await limiter?.close();
      logger.info('gateway stopped');
    },
  };
}
