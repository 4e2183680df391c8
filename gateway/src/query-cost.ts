import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isCompositeType, isListType, getNullableType, Kind, type GraphQLSchema, type DocumentNode, type TypeNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from '@behorig/kit/db';

/**
 * The cost of an operation, counted on the values the subgraphs will really see: list sizes come
 * from the resolved arguments (`first`/`last`, literal or variable alike), so a query cannot hide
 * its size behind `$n` (docs/operations.md, "Limits").
 *
 * - a leaf field (scalar, enum) costs 1;
 * - a field of object type costs 1 plus what is selected below it;
 * - a paginated field (it takes `first` or `last`) multiplies what is below it by the page size
 *   asked for, or by the default page size when none is given;
 * - an unpaginated list multiplies by `listFactor` (its length is bounded by the data and the
 *   depth limit, not by the caller).
 */
export function costEstimator(listFactor: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 1;
    const pageArg = field.args.find((a) => a.name === 'first' || a.name === 'last');
    if (pageArg) {
      const asked = [args.first, args.last].find((v): v is number => typeof v === 'number');
      const size = asked ?? (typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : DEFAULT_PAGE);
      return 1 + Math.max(0, size) * childComplexity;
    }
    return 1 + (isListType(getNullableType(field.type)) ? listFactor : 1) * childComplexity;
  };
}

export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined, listFactor = 1): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [costEstimator(listFactor)] });
}

/**
 * The part of a request the cost can depend on, or null when it must be counted afresh. Values of
 * `String`/`ID` variables given as strings (or null) never change the cost (it reads page sizes,
 * which are Int) and always coerce, so they are left out; every other variable value is part of
 * the key, so a request whose other values differ is counted (and coerced) again.
 */
export function costKey(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): string | null {
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return null;
  const named = (t: TypeNode): string | null => (t.kind === Kind.NON_NULL_TYPE ? named(t.type) : t.kind === Kind.NAMED_TYPE ? t.name.value : null);
  const kept: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    const value = variables?.[name];
    const type = named(v.type);
    if ((type === 'String' || type === 'ID') && (value === null || value === undefined || typeof value === 'string')) continue;
    kept[name] = value;
  }
  // Variables the operation does not declare are refused by validation elsewhere: count afresh.
  if (variables && Object.keys(variables).some((k) => !(op.variableDefinitions ?? []).some((v) => v.variable.name.value === k))) return null;
  return `${operationName ?? ''}\u0000${JSON.stringify(kept)}`;
}

export function costLimitError(cost: number, maxCost: number) {
  return new GraphQLError(`This operation costs ${cost}, more than the limit of ${maxCost}; ask for smaller pages (first) or fewer nested lists.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT_EXCEEDED', cost, maxCost, http: { status: 400 } },
  });
}

/**
 * Refuses an operation whose cost exceeds `maxCost` before the gateway plans it. It runs after
 * validation, once the operation and its variables are known (a validation rule never sees the
 * variables). Introspection is not counted, so explorers keep working.
 */
export function queryCostPlugin<C extends object>(opts: { maxCost: number; listFactor?: number; onCost?: (cost: number, context: C) => void }): ApolloServerPlugin<C> {
  // Counting walks the whole operation against the schema (~4 % of the gateway's CPU under load,
  // bench/results/hot-paths.md). The server's document cache hands the same DocumentNode to
  // every request with the same text, so the cost is remembered per document and costKey.
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, contextValue }) {
          if (isIntrospectionOnly(document, operationName)) return;
          const key = costKey(document, request.variables, operationName ?? undefined);
          let cost: number | undefined = key === null ? undefined : known.get(document)?.get(key);
          if (cost === undefined) try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined, opts.listFactor ?? 1);
            if (key !== null) {
              const perDocument = known.get(document) ?? new Map<string, number>();
              // Bounded: page sizes vary little, but a client could vary its other values at will.
              if (perDocument.size < 64) perDocument.set(key, cost);
              known.set(document, perDocument);
            }
          } catch (e) {
            // getComplexity coerces the variables itself; a value that does not fit the type is bad input.
            throw new GraphQLError(e instanceof Error ? e.message : String(e), { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', http: { status: 400 } } });
          }
          opts.onCost?.(cost, contextValue);
          if (cost > opts.maxCost) throw costLimitError(cost, opts.maxCost);
        },
      };
    },
  };
}

function isIntrospectionOnly(document: DocumentNode, operationName: string | null | undefined): boolean {
  const op = document.definitions.find((d) => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName));
  if (!op || op.kind !== 'OperationDefinition') return false;
  return op.selectionSet.selections.every((s) => s.kind === 'Field' && s.name.value.startsWith('__'));
}
