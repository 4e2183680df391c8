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
import { actorFromAuthorization, createLogger, type Actor, type Logger, type TokenVerifier } from '@behorig/kit';
import { supergraphPath } from './compose';

export interface GatewayContext {
  actor: Actor | null;
  authorization?: string;
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
  constructor(private readonly serviceName: string, config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  /**
   * A subgraph that cannot be reached (stopped, refusing, timed out) is SERVICE_UNAVAILABLE naming
   * it, not an anonymous "fetch failed" INTERNAL_SERVER_ERROR: the client learns which part of its
   * answer is missing and that retrying later makes sense. Errors the subgraph answered pass unchanged.
   */
  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`The ${this.serviceName} service cannot be reached right now; try again shortly.`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: this.serviceName },
    });
  }
}

/** Builds the gateway (house style 5: build here, listen in index.ts). */
export async function buildGateway(opts: GatewayOptions) {
  const logger = opts.logger ?? createLogger('gateway', 'silent');
  // Keep-alive connections to the subgraphs: the default fetcher measured far slower here.
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // A subgraph that hangs must not hang the gateway: bounded connect, header and body waits.
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1, connectTimeout: 3_000, headersTimeout: limits.subgraphTimeoutMs, bodyTimeout: limits.subgraphTimeoutMs });
  const fetcher = createSubgraphFetcher(agent);
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl ?? readFileSync(supergraphPath(), 'utf8'),
    buildService: ({ name, url }) => new AuthenticatedDataSource(name, { url: opts.subgraphUrls?.[name] ?? url, fetcher }),
  });
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const sandbox = opts.sandbox ?? !opts.production;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
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
    validationRules: armor.validationRules,
    formatError: (formatted) => {
      // In production nothing internal (SQL, stack traces, hostnames) reaches the client.
      if (opts.production && (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' || !formatted.extensions?.code)) {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: formatted.path };
      }
      return formatted;
    },
    plugins: [
      ...armor.plugins,
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
  app.use(
    '/graphql',
    cors({ origin: opts.webOrigin ?? 'http://localhost:5173', credentials: false, maxAge: 600 }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // A bad or expired token is refused here with UNAUTHENTICATED; no token passes on as
        // "nobody" so that log-in and public operations work, and subgraphs refuse the rest.
        const authorization = req.headers.authorization;
        const actor = await actorFromAuthorization(authorization, opts.verify);
        return { actor, authorization };
      },
    }),
  );
  // The same URL answers at / too, so Sandbox users can open http://localhost:4000/.
  app.get('/', (_req, res) => res.redirect('/graphql'));

  let listening = false;
  return {
    app,
    apollo,
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
      logger.info('gateway stopped');
    },
  };
}
