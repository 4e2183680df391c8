import {
  defaultFieldResolver, getNullableType, isInputObjectType, isListType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { refuse } from './errors';
import { decodeCursor } from './connection';

/**
 * The one place where ids and cursors from a caller are checked, for every field of a subgraph
 * (root fields, nested fields and fields inside input objects alike), before any resolver runs:
 *
 * - An `ID` names a row by UUID: anything else is BAD_USER_INPUT `MALFORMED_ID`, with
 *   `extensions.field` naming the argument (e.g. `personId`, `input.unitIds`). Without this a
 *   value such as "abc" reaches a uuid column and comes back as an internal error with SQL text.
 * - Except the ids that are codes or external references, not rows: `code`, any `…Code` /
 *   `…Codes` (services, school forms, roles) and `orderRef` (BankID's order reference). They are
 *   text in the database; here they only have to be 1–100 characters, and the resolver answers
 *   NOT_FOUND or BAD_USER_INPUT for an unknown one.
 * - A pagination cursor (`after`) must be one this server made (`connection.ts`), else
 *   BAD_USER_INPUT `MALFORMED_CURSOR`.
 *
 * A field added to a schema is covered without doing anything (gateway/test/security/
 * malformed-ids.test.ts sends malformed values to every such argument of the supergraph).
 */
export const isCodeLikeId = (name: string): boolean => name === 'code' || /Codes?$/.test(name) || name === 'orderRef';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CODE_LENGTH = 100;

/** Checks one argument's value against its type; throws the refusal for the first bad id or cursor. */
function checkValue(type: GraphQLInputType, value: unknown, path: string, name: string, seen: number): void {
  if (value === null || value === undefined || seen > 10) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) for (const v of value) checkValue(t.ofType, v, path, name, seen + 1);
    else checkValue(t.ofType, value, path, name, seen + 1);
    return;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== 'object') return;
    for (const f of Object.values(t.getFields())) {
      checkValue(f.type, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`, f.name, seen + 1);
    }
    return;
  }
  if (!isScalarType(t)) return;
  if (t.name === 'ID') {
    const id = String(value);
    if (isCodeLikeId(name)) {
      if (id.length === 0 || id.length > MAX_CODE_LENGTH) throw refuse('MALFORMED_ID', `${path} must be 1–${MAX_CODE_LENGTH} characters.`, { field: path });
    } else if (!UUID.test(id)) {
      throw refuse('MALFORMED_ID', `${path} is not an id (ids are UUIDs).`, { field: path });
    }
    return;
  }
  if (name === 'after' && t.name === 'String' && typeof value === 'string') decodeCursor(value, path);
}

const needsGuard = (type: GraphQLInputType, name: string, depth = 0): boolean => {
  const t = getNullableType(type);
  if (depth > 10) return false;
  if (isListType(t)) return needsGuard(t.ofType, name, depth + 1);
  if (isInputObjectType(t)) return Object.values(t.getFields()).some((f) => needsGuard(f.type, f.name, depth + 1));
  return isScalarType(t) && (t.name === 'ID' || (name === 'after' && t.name === 'String'));
};

export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const a of args) checkValue(a.type, values[a.name], a.name, a.name, 0);
}

/**
 * Wraps the resolver of every field (of every object type) that has an id or cursor argument so
 * that `checkArguments` runs first. Applied once to each subgraph's schema by `createSubgraph`.
 */
export function guardIdArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const guarded = field.args.filter((a) => needsGuard(a.type, a.name));
      if (guarded.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkArguments(guarded, args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
