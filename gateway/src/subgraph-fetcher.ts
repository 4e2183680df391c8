import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { request, type Dispatcher } from 'undici';

/**
 * The gateway's fetcher to the subgraphs: `undici.request` on a keep-alive agent, answering with
 * the small Response shape Apollo's RemoteGraphQLDataSource reads (ok, status, headers, json/text).
 * The WHATWG `fetch` wrapper over the same agent measured ~20 % of the gateway's CPU under load
 * (streams, Request/Response objects); this path skips it. Any transport failure rejects, which
 * the data source turns into SERVICE_UNAVAILABLE for that subgraph.
 */
export function createSubgraphFetcher(dispatcher: Dispatcher): Fetcher {
  return (async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const res = await request(url, {
      dispatcher,
      method: (init?.method ?? 'POST') as Dispatcher.HttpMethod,
      headers: init?.headers as Record<string, string> | undefined,
      body: init?.body as string | undefined,
    });
    const text = await res.body.text();
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const response = {
      ok,
      status: res.statusCode,
      statusText: ok ? 'OK' : `HTTP ${res.statusCode}`,
      url,
      redirected: false,
      headers,
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer,
      clone: () => response,
      bodyUsed: true,
    };
    return response as unknown as FetcherResponse;
  }) as Fetcher;
}
