import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { NextFunction, Request, Response } from 'express';
import { context, propagation } from '@opentelemetry/api';

/**
 * The request id every log line carries (docs/operations.md, "Logs"). The gateway makes one per
 * client request (or keeps a well-formed `X-Request-Id` from the client) and every call a service
 * makes while serving that request passes it on, so one grep follows a request through all services.
 */
export const REQUEST_ID_HEADER = 'x-request-id';
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,100}$/;

interface RequestContext { requestId: string }
const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** Runs `fn` with `requestId` as the current request id (background jobs name their own). */
export const withRequestId = <T>(requestId: string, fn: () => T): T => storage.run({ requestId }, fn);

/** Express middleware: adopt the incoming id or make one, answer it in `X-Request-Id`, run the rest inside it. */
export function requestIdMiddleware() {
  propagateRequestIds();
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, next);
  };
}

let propagating = false;
/**
 * Every outgoing HTTP call made with fetch or undici (service to service, gateway to subgraph)
 * carries the current request id and trace context: undici announces each request on a diagnostics channel,
 * synchronously in the caller's async context, where the id is known.
 */
export function propagateRequestIds(): void {
  if (propagating) return;
  propagating = true;
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: { headers: string[] | string; addHeader: (name: string, value: string) => void } };
    const present = (name: string) => Array.isArray(request.headers)
      ? request.headers.some((h, i) => i % 2 === 0 && String(h).toLowerCase() === name)
      : String(request.headers).toLowerCase().includes(`${name}:`);
    const requestId = currentRequestId();
    if (requestId && !present(REQUEST_ID_HEADER)) request.addHeader(REQUEST_ID_HEADER, requestId);
    // W3C traceparent of the current span (tracing.ts); nothing when tracing is off.
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    for (const [name, value] of Object.entries(carrier)) if (!present(name)) request.addHeader(name, value);
  });
}
