import type { ReactNode } from 'react';
import { Client, Provider, type Exchange, type OperationResult } from 'urql';
import { filter, fromValue, mergeMap, never, pipe } from 'wonka';
import { MemoryRouter } from 'react-router';
import { I18nProvider, type Lang } from './i18n';

type Handler = (op: { kind: string; variables: Record<string, unknown>; operationName?: string }) => { data?: unknown; error?: unknown } | null;

/** A real urql client whose operations are answered by `handler`, by operation name (null = never answers). */
export function mockClient(handler: Handler): Client & { calls: { name: string; variables: Record<string, unknown> }[] } {
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const exchange: Exchange = () => (ops$) => pipe(
    ops$,
    filter((op) => op.kind !== 'teardown'),
    mergeMap((op) => {
      const operationName = op.query.definitions.map((d) => ('name' in d ? d.name?.value : undefined)).find(Boolean);
      const variables = (op.variables ?? {}) as Record<string, unknown>;
      calls.push({ name: operationName ?? '?', variables });
      const r = handler({ kind: op.kind, variables, operationName });
      return r ? fromValue({ operation: op, data: r.data, error: r.error, stale: false, hasNext: false } as OperationResult) : never;
    }),
  );
  const client = new Client({ url: 'http://test/graphql', exchanges: [exchange] });
  return Object.assign(client, { calls });
}

export function Wrap({ client, children, lang = 'sv', path = '/' }: { client: Client; children: ReactNode; lang?: Lang; path?: string }) {
  return (
    <I18nProvider lang={lang}>
      <Provider value={client}>
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      </Provider>
    </I18nProvider>
  );
}
