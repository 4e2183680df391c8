import { withReason, type Reason } from '@behorig/kit/errors';

/**
 * The gateway's own refusals come from libraries (graphql-armor's limits, Apollo Server's batching
 * and validation) that know nothing of the reason catalogue: name them here by their message, so
 * clients get the same `extensions.reason` as for any subgraph refusal. Errors the subgraphs
 * answered keep their own reason; anything else gets its code's generic one.
 */
const BY_MESSAGE: Array<[RegExp, Reason]> = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/token limit/i, 'TOO_MANY_TOKENS'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
  [/cost limit/i, 'COST_LIMIT_EXCEEDED'],
  [/batch/i, 'BATCHING_NOT_ALLOWED'],
];

export function gatewayErrorReason<T extends { message: string; extensions?: Record<string, unknown> }>(formatted: T): T {
  if (formatted.extensions?.reason === undefined) {
    const hit = BY_MESSAGE.find(([re]) => re.test(formatted.message));
    if (hit) return { ...formatted, extensions: { ...formatted.extensions, reason: hit[1] } };
  }
  return withReason(formatted);
}
