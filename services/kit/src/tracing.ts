import type { NextFunction, Request, Response } from 'express';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import pg from 'pg';
import { currentRequestId } from './request-context';

/**
 * OpenTelemetry traces (docs/operations.md, "Traces"). Off by default: without a registered
 * tracer provider every call here is a no-op. `startTracing` registers one when the standard
 * OTEL_* variables ask for it; tests register an in-memory one.
 *
 * What makes one trace per client request across the services:
 * - every service's HTTP server opens a SERVER span, continuing the caller's W3C `traceparent`;
 * - every outgoing fetch/undici call carries the current `traceparent` (request-context.ts);
 * - PostgreSQL statements and BankID calls are CLIENT spans inside it.
 */
export const tracer = () => trace.getTracer('behorig');

/** Express middleware: a SERVER span per request, continuing the caller's trace. */
export function traceMiddleware(service: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const parent = propagation.extract(context.active(), req.headers);
    const path = req.originalUrl.split('?')[0];
    // Paths may carry personal numbers (/internal/people/by-personal-number/…): name by route prefix only.
    const route = path.startsWith('/internal/') ? path.split('/').slice(0, 3).join('/') : path;
    const span = tracer().startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { 'behorig.service': service, 'behorig.request_id': currentRequestId() ?? '', 'http.request.method': req.method, 'url.path': route },
    }, parent);
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Runs `fn` in a CLIENT span named `name` (an outgoing call: BankID), recording failure. */
export async function inClientSpan<T>(name: string, attributes: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())) return fn();
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span: Span) => {
    try {
      return await fn();
    } catch (e) {
      span.recordException(e as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      span.end();
    }
  });
}

let pgTraced = false;
/**
 * A CLIENT span per PostgreSQL statement made inside a trace. Only the statement's kind (SELECT,
 * INSERT, …) is recorded, never its text or parameters, which could hold personal data.
 */
export function tracePostgres(): void {
  if (pgTraced) return;
  pgTraced = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function tracedQuery(this: unknown, ...args: unknown[]) {
    if (!trace.getSpan(context.active())) return original.apply(this, args);
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : first?.text ?? '';
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
    const span = tracer().startSpan(`pg ${operation}`, { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.operation.name': operation } });
    const end = (err?: unknown) => {
      if (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, ...rest: unknown[]) => unknown;
      args[last] = function (this: unknown, err: unknown, ...rest: unknown[]) {
        end(err);
        return callback.call(this, err, ...rest);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: (ok: () => void, fail: (e: unknown) => void) => void } | undefined;
    if (result && typeof result.then === 'function') result.then(() => end(), (e) => end(e));
    else end();
    return result;
  };
}

export interface TracingEnv {
  OTEL_SDK_DISABLED?: string;
  OTEL_TRACES_EXPORTER?: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
}

/**
 * Starts exporting traces when the standard variables ask for it: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or
 * `OTEL_TRACES_EXPORTER=otlp|console`; never when `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none`. The exporter itself reads the other OTEL_* variables (headers,
 * timeouts, sampling). Returns a function that flushes and stops it.
 */
export async function startTracing(service: string, env: TracingEnv): Promise<() => Promise<void>> {
  const exporterName = env.OTEL_TRACES_EXPORTER ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : 'none');
  if (env.OTEL_SDK_DISABLED === 'true' || exporterName === 'none') return async () => {};
  const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor, ConsoleSpanExporter } = await import('@opentelemetry/sdk-trace-base');
  const { Resource } = await import('@opentelemetry/resources');
  const exporter = exporterName === 'console'
    ? new ConsoleSpanExporter()
    : new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? `behorig-${service}` }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // register() installs the W3C trace-context propagator and the async-local-storage context manager.
  provider.register();
  tracePostgres();
  return () => provider.shutdown();
}
