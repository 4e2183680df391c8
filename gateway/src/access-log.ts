import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter } from 'prom-client';
import type { Logger, ServiceMetrics } from '@behorig/kit/server';

/** What the GraphQL layer learns about a request, for the access log written when it finishes. */
export interface RequestInfo { operation?: string; persisted?: 'hash' | 'apq' }

export const CLIENT_NAME_HEADER = 'apollographql-client-name';
export const CLIENT_VERSION_HEADER = 'apollographql-client-version';

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v.length <= 64 ? v : undefined;
};

/**
 * One line per request at the gateway (docs/operations.md, "Logs"): method, path without query,
 * status, duration, operation name, client name and version, and (through the logger) the request
 * id. Never a header value such as the token, never variables or the query string, where
 * personal numbers could be; the logger redacts any that slip into a path anyway.
 */
export function accessLog(logger: Logger, metrics: ServiceMetrics) {
  const clients = new Counter({
    name: 'behorig_gateway_requests_by_client_total', help: 'Requests at the gateway by client name and version (apollographql-client-name/-version)',
    labelNames: ['client_name', 'client_version'], registers: [metrics.registry],
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const info: RequestInfo = {};
    res.locals.info = info;
    // The path as the client sent it, without the query string (it could carry anything).
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      if (['/health', '/live', '/ready', '/metrics'].includes(path)) return;
      const clientName = header(req, CLIENT_NAME_HEADER);
      const clientVersion = header(req, CLIENT_VERSION_HEADER);
      clients.inc({ client_name: metrics.label('client', clientName), client_version: metrics.label('client_version', clientVersion) });
      logger.info({
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        operation: info.operation,
        persisted: info.persisted,
        clientName,
        clientVersion,
      }, 'request');
    });
    next();
  };
}

/** Hands the operation name to the access log. */
export function operationNamePlugin<C extends { info?: RequestInfo }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          if (contextValue.info) contextValue.info.operation = operationName ?? 'anonymous';
        },
      };
    },
  };
}
