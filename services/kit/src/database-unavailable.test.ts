import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable (a PostgreSQL restart is SERVICE_UNAVAILABLE, not an internal error)', () => {
  it('recognises refused, cut and shutting-down connections, also wrapped', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: new Error('y', { cause: new Error('Connection ended unexpectedly') }) }))).toBe(true);
  });
  it('does not mistake bugs or constraint violations for an outage', () => {
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
