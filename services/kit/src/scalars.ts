import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidIsoDate } from './dates';

/**
 * A refused scalar is the caller's error like any other BAD_USER_INPUT: answered with HTTP 200, not
 * Apollo's 400 for variable coercion, which the gateway would turn into an opaque "400: Bad Request"
 * INTERNAL_SERVER_ERROR. (`http` is read by Apollo Server and never sent to the client.)
 */
const ACCEPTED_REFUSAL = { status: 200 };

/** `Date`: a calendar date YYYY-MM-DD (Europe/Stockholm), validated on the way in. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date YYYY-MM-DD (Europe/Stockholm).',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(v: unknown): string {
  if (typeof v !== 'string' || !isValidIsoDate(v)) {
    throw new GraphQLError(`"${String(v)}" is not a calendar date (YYYY-MM-DD).`, { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE', http: ACCEPTED_REFUSAL } });
  }
  return v;
}

/** `DateTime`: an ISO-8601 instant. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant.',
  serialize: (v) => (v instanceof Date ? v : new Date(String(v))).toISOString(),
  parseValue: (v) => parseDateTime(v),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(v: unknown): Date {
  const d = typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(v))) {
    throw new GraphQLError(`"${String(v)}" is not an ISO-8601 instant.`, { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE', http: ACCEPTED_REFUSAL } });
  }
  return d;
}
