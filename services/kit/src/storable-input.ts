import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Text PostgreSQL cannot store: NUL (U+0000) and lone UTF-16 surrogates (not valid Unicode, so
 * not valid UTF-8). Reaching the database they fail as an internal error after the checks ran;
 * refused here, before any resolver, they are plain BAD_USER_INPUT and nothing is changed.
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);

/** The first path (dotted, from the variables' root) holding unstorable text, if any. */
export function findUnstorable(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnstorable(value[i], [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findUnstorable(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/** Variable name → the argument it is passed as (`input`), so the field reads like the schema. */
function argumentOfVariable(operation: OperationDefinitionNode | undefined | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!operation) return names;
  visit(operation, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE) names.set(node.value.name.value, node.name.value);
    },
  });
  return names;
}

function unstorableLiteral(document: DocumentNode | undefined): string | null {
  let found: string | null = null;
  if (!document) return null;
  visit(document, {
    Argument(node) {
      if (found) return;
      visit(node.value, { StringValue(s) { if (!found && !isStorableText(s.value)) found = node.name.value; } });
    },
  });
  return found;
}

/** Apollo plugin: refuses requests carrying unstorable text with BAD_USER_INPUT naming the input field. */
export function storableInputPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const literal = unstorableLiteral(document);
          const path = literal ? [literal] : findUnstorable(request.variables ?? {});
          if (!path) return;
          const [root, ...rest] = path;
          const field = [argumentOfVariable(operation).get(root) ?? root, ...rest].join('.');
          throw new GraphQLError('The text contains characters that cannot be stored (NUL or broken Unicode); remove them.', {
            // A refusal of input, not a server failure: 200 like every other BAD_USER_INPUT, so gateways pass it on.
            extensions: { code: 'BAD_USER_INPUT', reason: 'TEXT_NOT_STORABLE', field, http: { status: 200 } },
          });
        },
      };
    },
  };
}
