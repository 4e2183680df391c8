import http from 'node:http';
import { createHttpUnitDirectory, createReferenceCache, DirectoryUnavailableError } from '../src/clients/organisations.client';

/** The HTTP UnitDirectory against a tiny local server standing in for the organisations subgraph. */
describe('createHttpUnitDirectory', () => {
  const seen: { authorization?: string; body: { query: string; variables: { representations: { __typename: string; id: string }[] } } }[] = [];
  let fail = false;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const body = JSON.parse(data);
      seen.push({ authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (fail) { res.statusCode = 500; return res.end('{}'); }
      const entities = body.variables.representations.map((r: { __typename: string; id: string }) =>
        r.id === 'missing' ? null
          : r.__typename === 'Unit' ? { id: r.id, closed: r.id === 'u-closed', organisation: { id: 'org-1' }, schoolForms: r.id === 'u-sfi' ? [{ code: 'SFI' }] : [] }
            : body.query.includes('units { id') ? { id: r.id, units: [{ id: 'u2', name: 'Dorotea UBK', addresses: [] }, { id: 'u1', addresses: [{ id: 'a1' }] }] } : { id: r.id, name: 'Dorotea kommun' });
      res.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('R-ORG-3: fetches units by reference with one request, forwarding the caller\'s Authorization', async () => {
    const dir = createHttpUnitDirectory(url);
    const units = await dir.units(['u-open', 'u-closed', 'u-sfi', 'missing', 'u-open'], 'Bearer abc');
    expect(units).toEqual([
      { id: 'u-open', organisationId: 'org-1', closed: false, schoolFormCodes: [], addressIds: [] },
      { id: 'u-closed', organisationId: 'org-1', closed: true, schoolFormCodes: [], addressIds: [] },
      { id: 'u-sfi', organisationId: 'org-1', closed: false, schoolFormCodes: ['SFI'], addressIds: [] },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].authorization).toBe('Bearer abc');
    expect(seen[0].body.query).toContain('... on Unit { id closed organisation { id } schoolForms { code } addresses { id } }');
    expect(seen[0].body.variables.representations).toHaveLength(4);
    expect(await dir.organisations(['o-1'])).toEqual(new Map([['o-1', 'Dorotea kommun']]));
    expect(await dir.units([])).toEqual([]);
  });

  it('R-USR-3: lists every unit of the organisations asked for, sorted, in one request', async () => {
    const dir = createHttpUnitDirectory(url);
    const before = seen.length;
    expect(await dir.organisationUnits(['o-1', 'missing'], 'Bearer abc')).toEqual(new Map([['o-1', [{ id: 'u1', addressIds: ['a1'] }, { id: 'u2', addressIds: [], name: 'Dorotea UBK' }]]]));
    expect(seen).toHaveLength(before + 1);
    // Names too: the staff list's search matches unit names.
    expect(seen.at(-1)!.body.query).toContain('... on Organisation { id units { id name addresses { id } } }');
  });

  it('an unreachable or failing organisations service is a DirectoryUnavailableError', async () => {
    fail = true;
    await expect(createHttpUnitDirectory(url).units(['u-open'])).rejects.toBeInstanceOf(DirectoryUnavailableError);
    fail = false;
    await expect(createHttpUnitDirectory('http://127.0.0.1:1/graphql').units(['u-open'])).rejects.toBeInstanceOf(DirectoryUnavailableError);
  });
});

describe('reference cache for access decisions (R-SCOPE-2 hot path)', () => {
  it('asks the directory once per unit owner, and again for a name only after its time to live', async () => {
    const calls = { units: 0, organisations: 0 };
    let name = 'Dorotea kommun';
    const directory = {
      units: async (ids: readonly string[]) => { calls.units++; return ids.filter((id) => id === 'u1').map((id) => ({ id, organisationId: 'o1', closed: false, schoolFormCodes: [] })); },
      organisations: async (ids: readonly string[]) => { calls.organisations++; return new Map(ids.filter((id) => id === 'o1').map((id) => [id, name] as const)); },
      organisationUnits: async () => new Map<string, { id: string; addressIds: string[] }[]>(),
    };
    let clock = 0;
    const cache = createReferenceCache(directory, { nameTtlMs: 1000, now: () => clock });
    expect(await cache.unitOwners(['u1'])).toEqual(new Map([['u1', 'o1']]));
    expect(await cache.unitOwners(['u1'])).toEqual(new Map([['u1', 'o1']]));
    expect(calls.units).toBe(1);
    expect(await cache.unitOwners(['nope'])).toEqual(new Map());
    expect(await cache.organisationNames(['o1'])).toEqual(new Map([['o1', 'Dorotea kommun']]));
    name = 'Dorotea kommun (nytt namn)';
    expect((await cache.organisationNames(['o1'])).get('o1')).toBe('Dorotea kommun');
    clock += 1001;
    expect((await cache.organisationNames(['o1'])).get('o1')).toBe('Dorotea kommun (nytt namn)');
    expect(calls.organisations).toBe(2);
  });
});
