import http from 'node:http';
import express, { type Express } from 'express';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from './logger';
import { isDatabaseUnavailable } from './database-unavailable';
import { createMetrics, metricsPlugin, mountMetrics, type ServiceMetrics } from './metrics';
import { requestIdMiddleware } from './request-context';
import { traceMiddleware } from './tracing';
import { withReason } from './errors';

export interface ServiceApp<C extends BaseContext> {
  app: Express;
  apollo: ApolloServer<C>;
  httpServer: http.Server;
  /** This service's Prometheus metrics (`GET /metrics`); services add their own gauges. */
  metrics: ServiceMetrics;
  /** Listens on `port` (0 = any free port) and returns the base URL. */
  listen: (port: number, host?: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * The HTTP shell every service shares: `POST /graphql` (Apollo Server 5), JSON body limits and
 * the probes: `GET /live` (the process answers: Kubernetes restarts it when this fails, so it
 * never looks at the database — a short database outage must not restart healthy pods),
 * `GET /ready` (`ready()`, by default `health()`, resolves: the database answers and migrations
 * are applied; 503 while stopping so load balancers drain first) and `GET /health` (200 only
 * when `health()` resolves, as before). `server.ts` in each service builds one of these;
 * `index.ts` calls `listen`.
 */
export async function createServiceApp<C extends BaseContext>(opts: {
  name: string;
  schema: GraphQLSchema;
  context: (req: express.Request) => Promise<C>;
  health: () => Promise<void>;
  /** Readiness beyond `health()` (e.g. migrations applied); defaults to `health`. */
  ready?: () => Promise<void>;
  logger: Logger;
  production: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /** Extra routes (JWKS, simulator hooks, …) mounted before GraphQL. */
  routes?: (app: Express) => void;
  onStop?: () => Promise<void>;
}): Promise<ServiceApp<C>> {
  const app = express();
  app.disable('x-powered-by');
  // First, so that every log line of the request carries its id (docs/operations.md).
  app.use(requestIdMiddleware());
  app.use(traceMiddleware(opts.name));
  const httpServer = http.createServer(app);
  const metrics = createMetrics(opts.name);
  const apollo = new ApolloServer<C>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: !opts.production,
    // runService (kit subgraph.ts) owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal
    // and kill the process before pools, relays and in-flight requests are finished.
    stopOnTerminationSignals: false,
    // The gateway plans from the composed supergraph, never by introspecting a subgraph.
    introspection: !opts.production,
    // Inline tracing (ftv1) is for Apollo Studio, which we do not use; it costs CPU on every request.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), metricsPlugin<C>(metrics), ...(opts.plugins ?? [])],
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      // The database restarting or unreachable is no bug: say so, so clients retry.
      if (code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(error)) {
        opts.logger.warn({ err: error }, 'database unavailable');
        return { message: 'The database cannot be reached right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' }, path: formatted.path };
      }
      if (code === 'INTERNAL_SERVER_ERROR') {
        opts.logger.error({ err: error }, 'unexpected error in resolver');
        // Never leak SQL or internals to clients in production.
        if (opts.production) return { message: 'Internal server error', extensions: { code, reason: 'INTERNAL_ERROR' } };
      }
      // Every error a client sees carries a catalogued reason (reasons.ts).
      return withReason(formatted);
    },
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await opts.health();
      res.status(200).json({ status: 'ok' });
    } catch (e) {
      opts.logger.warn({ err: e }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  let stopping = false;
  app.get('/live', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    if (stopping) return void res.status(503).json({ status: 'stopping' });
    try {
      await (opts.ready ?? opts.health)();
      res.status(200).json({ status: 'ready' });
    } catch (e) {
      opts.logger.warn({ err: e }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  mountMetrics(app, metrics);
  opts.routes?.(app);
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async ({ req }) => opts.context(req) }));

  let listening = false;
  return {
    app,
    apollo,
    httpServer,
    metrics,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          listening = true;
          const { port: actual } = httpServer.address() as { port: number };
          resolve(`http://localhost:${actual}`);
        });
      }),
    stop: async () => {
      stopping = true;
      await apollo.stop();
      if (listening) httpServer.closeAllConnections?.();
      await opts.onStop?.();
    },
  };
}
