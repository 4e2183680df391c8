import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isCompositeType, isListType, getNullableType, type GraphQLSchema, type DocumentNode } from 'graphql';
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, contextValue }) {
          if (isIntrospectionOnly(document, operationName)) return;
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined, opts.listFactor ?? 1);
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
