import { personFilter } from './audit-filter';

const id = '00000000-0000-4000-8003-000000000010';

describe('audit log person filters (R-AUDIT-3)', () => {
  it('R-AUDIT-3: actorId keeps what the person did; personId what they did or what concerns them', () => {
    expect(personFilter(null, null)).toEqual({});
    expect(personFilter(id, null)).toEqual({ actorPersonId: id });
    expect(personFilter(null, id)).toEqual({ aboutPersonId: id });
  });
  it('a malformed id is BAD_USER_INPUT naming its argument, before any query', () => {
    expect(() => personFilter('person:x', null)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'actorId', reason: 'MALFORMED_ID' }) }));
    expect(() => personFilter(null, "x' OR 1=1")).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'personId' }) }));
  });
});
