import type { Experimental_DidResolveQueryPlanCallback, GraphQLDataSource } from '@apollo/gateway';
// The enum is not re-exported by the package root; @apollo/gateway is pinned (package.json).
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import {
  getNamedType, isAbstractType, isObjectType, Kind, parse, print, stripIgnoredCharacters, visit, BREAK,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

type PlanInfo = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type RequestContext = PlanInfo['requestContext'];
type Executor = (requestContext: RequestContext) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[]; extensions?: Record<string, unknown> }>;
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type FetchNode = Extract<NonNullable<PlanInfo['queryPlan']['node']>, { kind: 'Fetch' }>;

/** What the fast path does with one document + operation name, decided once from its plan. */
interface Decision {
  fetch: FetchNode;
  /** The text sent to the subgraph: the fetch's own, or the fetch with the client's field order. */
  query: string;
  service: GraphQLDataSource;
  variableDefinitions: OperationDefinitionNode['variableDefinitions'];
  schema: GraphQLSchema;
}

export { GraphQLDataSourceRequestKind };

export type FastPathOutcome = 'fast' | 'replayed' | 'planned';

/**
 * Outcomes the subgraph's answer may not be passed through for, kept for the normal path of the
 * same request: it then runs the plan as always, and the data source hands it this answer instead
 * of asking the subgraph a second time (a query is asked once, whichever path shapes the answer).
 */
export class SubgraphReplays {
  private readonly pending = new WeakMap<object, { response?: SubgraphResponse; error?: unknown }>();
  keep(requestContext: object, outcome: { response?: SubgraphResponse; error?: unknown }) {
    this.pending.set(requestContext, outcome);
  }
  /** The kept answer for this request, once; undefined when there is none. */
  take(requestContext: object): Promise<SubgraphResponse> | undefined {
    const outcome = this.pending.get(requestContext);
    if (!outcome) return undefined;
    this.pending.delete(requestContext);
    return outcome.response ? Promise.resolve(outcome.response) : Promise.reject(outcome.error);
  }
}

/**
 * Things a supergraph may use that make the gateway change a subgraph's clean answer while
 * shaping it (hidden enum values and types, interface objects' `__typename`, a field whose type
 * differs between subgraphs): with any of them the fast path stays off for the whole supergraph.
 */
const RESHAPING_FEATURES = /@inaccessible\b|@interfaceObject\b|@join__field\([^)]*\btype: *"|@fromContext\b/;
export const supergraphAllowsFastPath = (coreSupergraphSdl: string) =>
  // Directive definitions name the features; only their uses count.
  !RESHAPING_FEATURES.test(coreSupergraphSdl.split('\n').filter((line) => !/^\s*directive @/.test(line)).join('\n'));

/**
 * Enums that more than one subgraph defines: the supergraph may keep only the values they share,
 * and result shaping turns a value it lacks into null with an error. A selection that reaches
 * one of them is not passed through.
 */
export function sharedEnums(coreSupergraphSdl: string): Set<string> {
  const shared = new Set<string>();
  for (const definition of parse(coreSupergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    if ((definition.directives ?? []).filter((d) => d.name.value === 'join__type').length > 1) shared.add(definition.name.value);
  }
  return shared;
}

/**
 * The guard (docs/operations.md, "Single-fetch fast path"): the plan is one root fetch of a query
 * with no entity representations or rewrites, and the fetch's operation is the client's own
 * operation, variable for variable and selection for selection, with no fragments, no directives
 * and no abstract types. Then the subgraph executes exactly the client's selection against the
 * same field types, and a clean answer (data, no errors) is what result shaping would rebuild.
 * Anything else is null: the normal path.
 */
export function singleFetchDecision({ queryPlan, serviceMap, operationContext }: Pick<PlanInfo, 'queryPlan' | 'serviceMap' | 'operationContext'>, unsafeLeafTypes: ReadonlySet<string> = new Set()): Decision | null {
  const operation = operationContext.operation;
  const node = queryPlan.node;
  if (operation.operation !== 'query' || node?.kind !== 'Fetch') return null;
  if (node.operationKind !== 'query' || node.requires || node.hasDefers) return null;
  if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return null;
  const service = serviceMap[node.serviceName];
  if (!service) return null;
  const fetchDocument: DocumentNode = node.operationDocumentNode ?? parse(node.operation);
  if (fetchDocument.definitions.length !== 1 || fetchDocument.definitions[0].kind !== Kind.OPERATION_DEFINITION) return null;
  const fetchOperation = fetchDocument.definitions[0];
  if (fetchOperation.operation !== 'query') return null;
  if (!plainSelection(operation.selectionSet) || !objectTypesOnly(operationContext.schema, operation.selectionSet, unsafeLeafTypes)) return null;
  if (printVariables(operation) !== printVariables(fetchOperation)) return null;
  let query = node.operation;
  if (print(operation.selectionSet) !== print(fetchOperation.selectionSet)) {
    // The planner moves each `__typename` to the front of its selection (urql asks for it last);
    // otherwise the two must be the same. The subgraph is then asked the client's own selection,
    // so its answer has the client's key order, as result shaping would have rebuilt it.
    if (print(typenameFirst(operation.selectionSet)) !== print(typenameFirst(fetchOperation.selectionSet))) return null;
    query = stripIgnoredCharacters(print({ ...fetchOperation, selectionSet: operation.selectionSet }));
  }
  return { fetch: node, query, service, variableDefinitions: operation.variableDefinitions, schema: operationContext.schema };
}

/** The selection with every un-aliased `__typename` moved to the front of its selection set. */
function typenameFirst(selectionSet: SelectionSetNode): SelectionSetNode {
  return visit(selectionSet, {
    SelectionSet: {
      leave(set) {
        const isTypename = (s: SelectionNode) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias;
        return { ...set, selections: [...set.selections.filter(isTypename), ...set.selections.filter((s) => !isTypename(s))] };
      },
    },
  });
}

const printVariables = (op: OperationDefinitionNode) => (op.variableDefinitions ?? []).map((v) => print(v)).join(',');

/** No fragments, no directives, no introspection: the selection means the same wherever it runs. */
function plainSelection(selectionSet: SelectionSetNode): boolean {
  let plain = true;
  visit(selectionSet, {
    enter(node) {
      if (node.kind === Kind.FRAGMENT_SPREAD || node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.DIRECTIVE
        || (node.kind === Kind.FIELD && node.name.value.startsWith('__') && node.name.value !== '__typename')) {
        plain = false;
        return BREAK;
      }
      return undefined;
    },
  });
  return plain;
}

/**
 * Every selected field sits on an object type and returns an object or leaf type (no runtime type
 * to resolve), and no leaf is of a type whose values the gateway may refuse.
 */
function objectTypesOnly(schema: GraphQLSchema, selectionSet: SelectionSetNode, unsafeLeafTypes: ReadonlySet<string>): boolean {
  const root = schema.getQueryType();
  if (!root) return false;
  const walk = (parent: ReturnType<GraphQLSchema['getQueryType']>, set: SelectionSetNode): boolean => {
    if (!parent || !isObjectType(parent)) return false;
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) return false;
      if (selection.name.value === '__typename') {
        // The root's __typename is answered by the gateway itself.
        if (parent === root) return false;
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      if (!field) return false;
      const named = getNamedType(field.type);
      if (isAbstractType(named) || unsafeLeafTypes.has(named.name)) return false;
      if (selection.selectionSet && (!isObjectType(named) || !walk(named, selection.selectionSet))) return false;
    }
    return true;
  };
  return walk(root, selectionSet);
}

/**
 * Wraps the gateway's executor. The first request of each document and operation name runs the
 * normal path, whose plan decides (`observePlan`); later ones with a single-fetch decision send
 * that fetch through the same data source (auth header, signed service headers, SERVICE_UNAVAILABLE
 * naming the subgraph) and return its data as it came. Any error, missing data or thrown failure
 * is handed to the normal path of the same request via `replays`, so errors, their paths and
 * extensions, null bubbling and masking are the normal path's own.
 */
export function createSingleFetchFastPath(options: { replays: SubgraphReplays; onOutcome?: (outcome: FastPathOutcome, operationName: string | undefined) => void }) {
  let decisions = new WeakMap<DocumentNode, Map<string, Decision | null>>();
  let enabled = true;
  let unsafeLeafTypes = new Set<string>();
  const keyOf = (rc: RequestContext) => rc.request.operationName ?? '';

  return {
    /** A new supergraph (new plans, new data sources) starts with no decisions. */
    schemaLoaded(coreSupergraphSdl: string) {
      decisions = new WeakMap();
      enabled = supergraphAllowsFastPath(coreSupergraphSdl);
      unsafeLeafTypes = sharedEnums(coreSupergraphSdl);
    },
    /** experimental_didResolveQueryPlan: called by the normal path with the plan it runs. */
    observePlan(info: PlanInfo) {
      if (!enabled) return;
      const document = info.requestContext.document;
      let byName = decisions.get(document);
      if (!byName) decisions.set(document, (byName = new Map()));
      const key = keyOf(info.requestContext);
      if (!byName.has(key)) byName.set(key, singleFetchDecision(info, unsafeLeafTypes));
    },
    wrap(normal: Executor): Executor {
      return async (rc) => {
        const decision = enabled ? decisions.get(rc.document)?.get(keyOf(rc)) : undefined;
        // Traces for usage reporting and the query-plan debug header need the normal path's plan.
        if (!decision || rc.metrics?.captureTraces || rc.request.http?.headers.get('apollo-query-plan-experimental')) {
          options.onOutcome?.('planned', rc.operationName ?? undefined);
          return normal(rc);
        }
        const provided = rc.request.variables;
        // The gateway's own variable check (validateIncomingRequest): its errors come from the normal path.
        if (decision.variableDefinitions?.length && getVariableValues(decision.schema, decision.variableDefinitions, provided ?? {}).errors) {
          options.onOutcome?.('planned', rc.operationName ?? undefined);
          return normal(rc);
        }
        // Only the variables the fetch uses, and only those given, as executeQueryPlan sends them.
        const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const name of decision.fetch.variableUsages ?? []) {
          if (provided && Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
        }
        let response: SubgraphResponse;
        try {
          response = await decision.service.process({
            kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
            request: { query: decision.query, variables, operationName: decision.fetch.operationName },
            incomingRequestContext: rc,
            context: rc.context,
            document: decision.query === decision.fetch.operation ? decision.fetch.operationDocumentNode : undefined,
            pathInIncomingRequest: [],
          });
        } catch (error) {
          options.replays.keep(rc, { error });
          options.onOutcome?.('replayed', rc.operationName ?? undefined);
          return normal(rc);
        }
        const data = response.data;
        if (response.errors !== undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
          options.replays.keep(rc, { response });
          options.onOutcome?.('replayed', rc.operationName ?? undefined);
          return normal(rc);
        }
        options.onOutcome?.('fast', rc.operationName ?? undefined);
        return { data: data as Record<string, unknown> };
      };
    },
  };
}
