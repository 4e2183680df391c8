import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one service, served at `GET /metrics` (docs/operations.md, "Metrics").
 * One registry per service instance (tests run several services in one process).
 */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'client_name'>;
  duration: Histogram<'operation'>;
  errors: Counter<'operation' | 'code' | 'reason'>;
  /** A gauge whose value is read at scrape time (pool usage, backlogs); a failing read leaves it unset. */
  gauge: (name: string, help: string, read: () => Promise<number> | number) => void;
  /** Bounds label values taken from clients (operation and client names) so metrics stay small. */
  label: (kind: string, value: string | null | undefined) => string;
}

const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/;
const MAX_DISTINCT = 200;

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const seen = new Map<string, Set<string>>();
  const label = (kind: string, value: string | null | undefined) => {
    if (!value) return 'anonymous';
    if (!LABEL.test(value)) return 'other';
    const set = seen.get(kind) ?? seen.set(kind, new Set()).get(kind)!;
    if (set.has(value)) return value;
    if (set.size >= MAX_DISTINCT) return 'other';
    set.add(value);
    return value;
  };
  return {
    registry,
    label,
    requests: new Counter({ name: 'behorig_graphql_requests_total', help: 'GraphQL operations by operation name and client name', labelNames: ['operation', 'client_name'], registers: [registry] }),
    duration: new Histogram({
      name: 'behorig_graphql_request_duration_seconds', help: 'GraphQL operation latency', labelNames: ['operation'], registers: [registry],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    errors: new Counter({ name: 'behorig_graphql_errors_total', help: 'GraphQL errors by code and reason', labelNames: ['operation', 'code', 'reason'], registers: [registry] }),
    gauge: (name, help, read) => {
      new Gauge({
        name, help, registers: [registry],
        async collect() {
          try {
            this.set(await read());
          } catch {
            // The database may be down; the gauge simply has no fresh value (health says the rest).
          }
        },
      });
    },
  };
}

/** Counts every GraphQL operation, its latency and its errors (code and reason) by operation name. */
export function metricsPlugin<C extends BaseContext>(metrics: ServiceMetrics, clientName?: (ctx: C) => string | undefined): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let operation = 'anonymous';
      return {
        async didResolveOperation({ operationName }) {
          operation = metrics.label('operation', operationName);
        },
        async didEncounterErrors({ errors, operationName }) {
          operation = metrics.label('operation', operationName ?? null);
          for (const e of errors) {
            const ext = e.extensions ?? {};
            metrics.errors.inc({ operation, code: String(ext.code ?? 'INTERNAL_SERVER_ERROR'), reason: typeof ext.reason === 'string' && LABEL.test(ext.reason) ? ext.reason : 'none' });
          }
        },
        async willSendResponse() {
          metrics.requests.inc({ operation, client_name: metrics.label('client', clientName?.(contextValue)) });
          metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/** `GET /metrics` in Prometheus's text format. */
export function mountMetrics(app: Express, metrics: ServiceMetrics): void {
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
}
